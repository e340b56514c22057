package org.cybernorms.compliance.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registered for every test (junit-platform.properties): in the PostgreSQL run, skips each test with a plain reason
 * when PostgreSQL is not reachable, unless {@code compliance.test.postgres-required=true} (CI), where the tests run
 * and fail.
 */
public class StoreAvailability implements ExecutionCondition {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestStore.postgres() || TestStore.postgresRequired() || TestStore.postgresReachable()) {
            return ConditionEvaluationResult.enabled("store available");
        }
        String reason = "SKIPPED: PostgreSQL is not reachable at " + TestStore.url() + " as " + TestStore.user()
                + "; the PostgreSQL run of this test did not happen. Start PostgreSQL (or run .ci/run, which does).";
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("\n[test-store] " + reason + "\n");
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
