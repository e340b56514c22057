package org.cybernorms.compliance.violation.api;

/** What an evidence link points at, as far as its address tells. */
public enum EvidenceKind {
    /** A document: a path ending in .pdf, .doc, .docx, .odt, .rtf or .txt. */
    DOCUMENT,
    /** An archived copy of a page: web.archive.org, archive.org/web, archive.ph, archive.today, archive.is, archive.li, archive.md. */
    ARCHIVE,
    /** A data file: a path ending in .csv, .tsv, .json, .xml, .xls, .xlsx or .ods. */
    DATASET,
    /** An image: a path ending in .png, .jpg, .jpeg, .gif, .svg or .webp. */
    IMAGE,
    /** A video: youtube.com, youtu.be, vimeo.com, or a path ending in .mp4, .webm or .mov. */
    VIDEO,
    /** Any other address. */
    LINK
}
