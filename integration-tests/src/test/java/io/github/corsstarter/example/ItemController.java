package io.github.corsstarter.example;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items: a list with its total in {@code X-Total-Count}, and an update.
 */
@RestController
@RequestMapping("/api/items")
class ItemController {

	@GetMapping
	ResponseEntity<List<String>> list() {
		return ResponseEntity.ok().header("X-Total-Count", "2").header("X-Request-Cost", "3").body(List.of("a", "b"));
	}

	@PutMapping("/{id}")
	Map<String, Object> update(@PathVariable int id, @RequestBody Map<String, String> item) {
		return Map.of("id", id, "name", item.get("name"));
	}

}
