// The playground's scenarios. Each one sends a request to the API with fetch and shows what the browser lets this
// script see: the status, the response headers it can read and the body, or the error fetch rejects with when the
// browser blocks the response.

const scenarios = [
	{
		id: 'simple-get',
		title: 'Simple GET',
		request: 'GET /api/data',
		explanation: 'No preflight: the browser sends the request, then checks Access-Control-Allow-Origin.',
		expected: '200',
		send: (api) => api('/api/data'),
		passes: (result) => result.status === 200,
	},
	{
		id: 'json-post',
		title: 'JSON POST (preflighted)',
		request: 'POST /api/items, Content-Type: application/json',
		explanation: 'application/json is not a form type, so the browser first asks with an OPTIONS preflight.',
		expected: '201',
		send: (api) => api('/api/items', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'hotel' }),
		}),
		passes: (result) => result.status === 201,
	},
	{
		id: 'put-authorization',
		title: 'PUT with Authorization',
		request: 'PUT /api/items/1, Authorization: Bearer demo-token',
		explanation: 'The preflight must allow the method (cors.methods) and the header (cors.allowed-headers).',
		expected: '200',
		send: (api) => api('/api/items/1', {
			method: 'PUT',
			headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer demo-token' },
			body: JSON.stringify({ name: 'alpha' }),
		}),
		passes: (result) => result.status === 200,
	},
	{
		id: 'credentialed-cookie',
		title: 'Cookie the API sets',
		request: 'POST then GET /api/session, credentials: include',
		explanation: 'The API sets an HttpOnly cookie; the browser keeps it and sends it back only because the API '
			+ 'answers with Access-Control-Allow-Credentials: true.',
		expected: '200, {"cookie":true}',
		send: async (api) => {
			await api('/api/session', { method: 'POST', credentials: 'include' });
			return api('/api/session', { credentials: 'include' });
		},
		passes: (result) => result.status === 200 && result.body === '{"cookie":true}',
	},
	{
		id: 'exposed-headers',
		title: 'Reading response headers',
		request: 'GET /api/items?size=2',
		explanation: 'The API sends X-Total-Count and Link. Scripts read only the headers in cors.exposed-headers '
			+ '(X-Total-Count) and a few safe ones such as Content-Type.',
		expected: 'X-Total-Count: a number, Link: null',
		read: ['X-Total-Count', 'Link'],
		send: (api) => api('/api/items?size=2'),
		passes: (result) => result.status === 200 && /^\d+$/.test(result.read['X-Total-Count'])
			&& result.read['Link'] === null,
	},
	{
		id: 'not-found',
		title: '404',
		request: 'GET /api/missing',
		explanation: 'Error responses keep their CORS headers, so the script sees the real status.',
		expected: '404',
		send: (api) => api('/api/missing'),
		passes: (result) => result.status === 404,
	},
	{
		id: 'server-error',
		title: '500',
		request: 'GET /api/boom',
		explanation: 'The handler throws; the error response still carries Access-Control-Allow-Origin.',
		expected: '500',
		send: (api) => api('/api/boom'),
		passes: (result) => result.status === 500,
	},
	{
		id: 'refused-header',
		title: 'Header the policy refuses',
		request: 'GET /api/data, X-Custom: 1',
		explanation: 'X-Custom is not in cors.allowed-headers: the API refuses the preflight and the browser never '
			+ 'sends the GET.',
		expected: 'blocked',
		send: (api) => api('/api/data', { headers: { 'X-Custom': '1' } }),
		passes: (result) => result.error !== undefined,
	},
];

// From a refused origin the browser blocks every response: each scenario's expected outcome is the error.
const blocked = {
	expected: 'blocked',
	passes: (result) => result.error !== undefined,
};

// The frontend port serves config.json, so that the page works whatever ports the application listens on.
async function loadConfig() {
	const response = await fetch('config.json');
	return response.json();
}

async function observe(scenario, api) {
	try {
		const response = await scenario.send(api);
		const read = {};
		for (const name of scenario.read ?? []) {
			read[name] = response.headers.get(name);
		}
		return {
			status: response.status,
			headers: [...response.headers].map(([name, value]) => name + ': ' + value),
			read,
			body: await response.text(),
		};
	}
	catch (error) {
		return { error: String(error) };
	}
}

function describe(result) {
	if (result.error !== undefined) {
		return result.error;
	}
	const lines = [String(result.status)];
	for (const [name, value] of Object.entries(result.read)) {
		lines.push(name + ': ' + value);
	}
	lines.push('readable headers: ' + (result.headers.join(', ') || 'none'));
	lines.push('body: ' + (result.body.length > 90 ? result.body.slice(0, 90) + '…' : result.body));
	return lines.join('\n');
}

function addRow(scenario, expectation) {
	const row = document.createElement('tr');
	row.id = scenario.id;
	row.innerHTML = `
		<td><strong></strong><span class="request"></span><small></small></td>
		<td class="expected"></td>
		<td><button type="button">Run</button></td>
		<td><output></output></td>`;
	row.querySelector('strong').textContent = scenario.title;
	row.querySelector('.request').textContent = ' ' + scenario.request;
	row.querySelector('small').textContent = scenario.explanation;
	row.querySelector('.expected').textContent = expectation.expected;
	document.getElementById('scenarios').append(row);
	return row;
}

async function run(scenario, expectation, row, api) {
	row.className = '';
	row.dataset.outcome = 'running';
	row.querySelector('output').textContent = '…';
	const result = await observe(scenario, api);
	const passed = expectation.passes(result);
	row.className = passed ? 'pass' : 'fail';
	row.dataset.status = result.status ?? '';
	row.dataset.error = result.error ?? '';
	row.querySelector('output').textContent = describe(result);
	row.dataset.outcome = passed ? 'pass' : 'fail';
}

async function start() {
	const config = await loadConfig();
	const api = (path, init) => fetch(config.apiBase + path, init);

	document.getElementById('page-origin').textContent = location.origin;
	document.getElementById('api-base').textContent = config.apiBase;
	const verdict = document.getElementById('origin-verdict');
	verdict.textContent = config.allowed ? 'yes' : 'no: the browser will block every response';
	verdict.className = config.allowed ? 'allowed' : 'refused';
	verdict.dataset.allowed = config.allowed;

	const runs = scenarios.map((scenario) => {
		const expectation = config.allowed ? scenario : blocked;
		const row = addRow(scenario, expectation);
		const runThis = () => run(scenario, expectation, row, api);
		row.querySelector('button').addEventListener('click', runThis);
		return runThis;
	});

	// One after the other: the cookie scenario's two requests and the others' should not interleave.
	const runAll = document.getElementById('run-all');
	runAll.addEventListener('click', async () => {
		runAll.disabled = true;
		for (const runOne of runs) {
			await runOne();
		}
		runAll.disabled = false;
	});
	runAll.disabled = false;
}

start();
