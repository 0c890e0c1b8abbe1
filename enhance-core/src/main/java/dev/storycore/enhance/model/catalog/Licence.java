package dev.storycore.enhance.model.catalog;

/** A model's licence: SPDX id, author, source URL and the licence file inside the package. */
public record Licence(String spdx, String author, String url, String file) {
}
