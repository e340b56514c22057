package org.cybernorms.compliance.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, and throws {@link PayloadTooLargeException} if the body goes beyond it. */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException("The body is larger than the " + limit + " bytes this operation accepts.");
        }
    }
}
