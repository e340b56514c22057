package org.cybernorms.compliance.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/**
 * One remembered request: who sent which key with which body, and the answer it got. {@code status} 0 means the
 * request is still being handled.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord implements Persistable<String> {

    @Id
    @Column(length = 64)
    private String id;
    @Column(nullable = false, length = 64)
    private String requestHash;
    @Column(nullable = false)
    private int status;
    @Column(length = 200)
    private String contentType;
    @Column(length = 500)
    private String location;
    @Column(columnDefinition = "text")
    private String body;
    @Column(nullable = false)
    private Instant createdAt;

    @Transient
    private boolean fresh;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String id, String requestHash, Instant createdAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
        this.fresh = true;
    }

    /** A new record is inserted, never merged over one that another request claimed first. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    @Override
    public String getId() {
        return id;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    void complete(int status, String contentType, String location, String body) {
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.body = body;
    }

    String id() {
        return id;
    }

    String requestHash() {
        return requestHash;
    }

    int status() {
        return status;
    }

    boolean inProgress() {
        return status == 0;
    }

    String contentType() {
        return contentType;
    }

    String location() {
        return location;
    }

    String body() {
        return body;
    }
}
