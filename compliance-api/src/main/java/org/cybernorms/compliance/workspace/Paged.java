package org.cybernorms.compliance.workspace;

import java.util.List;

/** One page of a list: its items, its number (from 1), and whether pages come before or after it. */
public record Paged<T>(List<T> items, int page, int pages, int total) {

    static final int SIZE = 10;

    static <T> Paged<T> of(List<T> all, int requested) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = Math.min(Math.max(1, requested), pages);
        int from = (page - 1) * SIZE;
        return new Paged<>(all.subList(from, Math.min(all.size(), from + SIZE)), page, pages, all.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
