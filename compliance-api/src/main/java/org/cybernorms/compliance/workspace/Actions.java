package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.commitment.view.CommitmentView;
import org.cybernorms.compliance.security.ApiAccess;
import org.cybernorms.compliance.security.Roles;
import org.cybernorms.compliance.violation.view.ViolationView;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forms a record's page offers the signed-in role: only those its role may send (asked of {@link ApiAccess}
 * and, for a state's answer, whether the report is against that very state) and that the record's status still
 * admits. The server refuses the rest anyway.
 */
@Component
public class Actions {

    private final WorkspaceForms forms;

    Actions(WorkspaceForms forms) {
        this.forms = forms;
    }

    /** The steps of a violation report's lifecycle, and the state's answer. */
    public List<FormView> violation(ViolationView v) {
        Authentication caller = caller();
        String id = v.violationId.value();
        List<FormView> views = new ArrayList<>();
        if (ApiAccess.mayPost(caller, "/api/violations/" + id + "/review")) {
            switch (v.status) {
                case REPORTED -> {
                    views.add(view("violation-review", id));
                    views.add(view("violation-dismissal", id));
                }
                case UNDER_REVIEW -> {
                    views.add(view("violation-confirmation", id));
                    views.add(view("violation-dismissal", id));
                }
                case CONFIRMED -> {
                    if (v.remediedOn == null) {
                        views.add(view("violation-remedy", id));
                    }
                }
                default -> {
                }
            }
        }
        if (ApiAccess.mayPost(caller, "/api/violations/" + id + "/response") && Roles.mayAnswerFor(caller, v.state)) {
            views.add(view("violation-response", id));
        }
        return views;
    }

    /** Progress, fulfilment and withdrawal of an open commitment. */
    public List<FormView> commitment(CommitmentView c) {
        String id = c.commitmentId().value();
        if (c.fulfilledOn() != null || c.withdrawnOn() != null
                || !ApiAccess.mayPost(caller(), "/api/commitments/" + id + "/progress")) {
            return List.of();
        }
        return List.of(view("commitment-progress", id), view("commitment-fulfilment", id),
                view("commitment-withdrawal", id));
    }

    /** Whether the signed-in role records facts as a monitoring body does (MONITOR, ADMIN). */
    public boolean monitors() {
        return ApiAccess.mayPost(caller(), "/api/violations");
    }

    FormView view(String form, String id) {
        return FormView.fresh(forms.get(form), Map.of(forms.get(form).fields().get(0).name(), id));
    }

    private static Authentication caller() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
