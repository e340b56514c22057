package org.cybernorms.compliance.violation.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One piece of evidence of a violation report: its address and what it points at. The kind is derived from the
 * address alone ({@link #of(String)}), never fetched: the tracker calls nothing outside.
 */
public record EvidenceLink(String url, EvidenceKind kind) {

    private static final Set<String> ARCHIVE_HOSTS = Set.of("web.archive.org", "archive.ph", "archive.today",
            "archive.is", "archive.li", "archive.md");
    private static final Set<String> VIDEO_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtu.be", "vimeo.com", "www.vimeo.com");
    private static final List<String> DOCUMENTS = List.of(".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt");
    private static final List<String> DATASETS = List.of(".csv", ".tsv", ".json", ".xml", ".xls", ".xlsx", ".ods");
    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp");
    private static final List<String> VIDEOS = List.of(".mp4", ".webm", ".mov");

    public EvidenceLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }

    /** The link for an address, its kind derived from the host and the end of the path; {@code LINK} otherwise. */
    public static EvidenceLink of(String url) {
        return new EvidenceLink(url, kindOf(url));
    }

    /** Every address as a link, in order. */
    public static List<EvidenceLink> of(List<String> urls) {
        return urls.stream().map(EvidenceLink::of).toList();
    }

    static EvidenceKind kindOf(String url) {
        String host;
        String path;
        try {
            URI uri = new URI(url);
            host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            return EvidenceKind.LINK;
        }
        if (ARCHIVE_HOSTS.contains(host) || (host.equals("archive.org") && path.startsWith("/web/"))) {
            return EvidenceKind.ARCHIVE;
        }
        if (VIDEO_HOSTS.contains(host) || endsWithAny(path, VIDEOS)) {
            return EvidenceKind.VIDEO;
        }
        if (endsWithAny(path, DOCUMENTS)) {
            return EvidenceKind.DOCUMENT;
        }
        if (endsWithAny(path, DATASETS)) {
            return EvidenceKind.DATASET;
        }
        if (endsWithAny(path, IMAGES)) {
            return EvidenceKind.IMAGE;
        }
        return EvidenceKind.LINK;
    }

    private static boolean endsWithAny(String path, List<String> suffixes) {
        return suffixes.stream().anyMatch(path::endsWith);
    }
}
