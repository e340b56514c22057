package org.cybernorms.compliance.eventlog;

import org.cybernorms.compliance.support.Api;

/** Lets tests of other packages wait for the replay that follows a restore, as the restore test does. */
public final class EventLogRestoreAccess {

    private EventLogRestoreAccess() {
    }

    public static void awaitReplay(Api admin) throws InterruptedException {
        EventLogRestoreHttpTest.awaitReplay(admin);
    }
}
