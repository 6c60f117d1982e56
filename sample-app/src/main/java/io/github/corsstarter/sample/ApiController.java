package io.github.corsstarter.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sample API: a greeting and a paginated list of items that reports its total in
 * {@code X-Total-Count} and its next page in {@code Link}.
 */
@RestController
@RequestMapping("/api")
class ApiController {

	private final Map<Long, Item> items = new ConcurrentSkipListMap<>();

	private final AtomicLong ids = new AtomicLong();

	ApiController() {
		for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")) {
			add(name);
		}
	}

	@GetMapping("/data")
	Map<String, String> data() {
		return Map.of("message", "Hello from the API");
	}

	@GetMapping("/items")
	ResponseEntity<List<Item>> items(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "5") int size) {
		if (page < 0 || size < 1 || size > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page >= 0 and 1 <= size <= 100");
		}
		List<Item> all = List.copyOf(this.items.values());
		List<Item> slice = all.stream().skip((long) page * size).limit(size).toList();
		ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size()));
		if ((long) (page + 1) * size < all.size()) {
			response.header(HttpHeaders.LINK, "</api/items?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
		}
		return response.body(slice);
	}

	@PostMapping("/items")
	ResponseEntity<Item> create(@RequestBody ItemName item) {
		return ResponseEntity.status(HttpStatus.CREATED).body(add(item.name()));
	}

	@PutMapping("/items/{id}")
	Item replace(@PathVariable long id, @RequestBody ItemName item) {
		return update(id, item.name());
	}

	@PatchMapping("/items/{id}")
	Item rename(@PathVariable long id, @RequestBody ItemName item) {
		return update(id, item.name());
	}

	@DeleteMapping("/items/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (this.items.remove(id) == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	private Item add(String name) {
		Item item = new Item(this.ids.incrementAndGet(), name);
		this.items.put(item.id(), item);
		return item;
	}

	private Item update(long id, String name) {
		if (!this.items.containsKey(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Item item = new Item(id, name);
		this.items.put(id, item);
		return item;
	}

}
