-- wrk script for soak.sh: four kinds of request in turn, each answered with a status of its own, counted per thread
-- and summed at the end.
--   allowed GET from the sample's frontend origin     -> 200
--   preflight for PUT with a Content-Type header      -> 204
--   GET from an origin the policy refuses             -> 403
--   same-origin DELETE of an item that does not exist -> 404 (reaches the controller, no CORS headers)

local allowed = "http://localhost:5173"
local counter = 0
local requests = {}
-- A global, so that done() can read each thread's copy.
statuses = {}
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	local self_origin = "http://" .. wrk.host .. ":" .. wrk.port
	requests[1] = wrk.format("GET", "/api/items?size=2", { ["Origin"] = allowed })
	requests[2] = wrk.format("OPTIONS", "/api/items/1", {
		["Origin"] = allowed,
		["Access-Control-Request-Method"] = "PUT",
		["Access-Control-Request-Headers"] = "content-type" })
	requests[3] = wrk.format("GET", "/api/data", { ["Origin"] = "https://evil.example.net" })
	requests[4] = wrk.format("DELETE", "/api/items/999999", { ["Origin"] = self_origin })
end

function request()
	counter = counter % 4 + 1
	return requests[counter]
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
	local totals = {}
	for _, thread in ipairs(threads) do
		for status, count in pairs(thread:get("statuses")) do
			totals[status] = (totals[status] or 0) + count
		end
	end
	local keys = {}
	for status in pairs(totals) do
		table.insert(keys, status)
	end
	table.sort(keys)
	for _, status in ipairs(keys) do
		io.write(string.format("status\t%d\t%d\n", status, totals[status]))
	end
	io.write(string.format("latency_p99_ms\t%.2f\n", latency:percentile(99) / 1000))
end
