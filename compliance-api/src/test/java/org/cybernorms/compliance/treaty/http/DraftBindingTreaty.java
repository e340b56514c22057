package org.cybernorms.compliance.treaty.http;

import org.cybernorms.compliance.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treaty of the worked example (docs/methodology.md, docs/treaties.md) recorded over HTTP under a given id:
 * three consents needed, 90 days after the threshold, 30 after a later consent, denunciation effective after 365
 * days; provisions art1 to art3 effective 2025-01-01; and the participation of FRA, DEU, BRA, CAN, USA and KEN.
 */
final class DraftBindingTreaty {

    private DraftBindingTreaty() {
    }

    static void create(Api api, String id) {
        create(api, id, false);
    }

    /** The treaty, admitting registered organisations as participants (not counted) if {@code organisations}. */
    static void create(Api api, String id, boolean organisations) {
        Api.Response created = api.post("/api/instruments", """
                {"instrumentId":"%s","title":"Draft binding instrument","adoptedOn":"2025-01-01","kind":"TREATY",
                 "consentsRequired":3,"daysAfterThreshold":90,"daysAfterLaterConsent":30,
                 "denunciationTakesEffectAfterDays":365,"admitsOrganisations":%s,
                 "norms":[{"norm":"art1","title":"Cooperation against criminal use"},
                          {"norm":"art2","title":"No damage to critical infrastructure"},
                          {"norm":"art3","title":"Human rights online"}]}""".formatted(id, organisations));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    static void participation(Api api, String id) {
        participation(api, id, "FRA");
    }

    /** The participation, with {@code france} in France's place (another state keeps France's record apart). */
    static void participation(Api api, String id, String france) {
        for (String state : new String[]{france, "DEU", "BRA", "CAN", "USA"}) {
            step(api, id, state, "SIGNED", "2025-01-05");
        }
        step(api, id, "DEU", "RATIFIED", "2025-01-10");
        step(api, id, france, "RATIFIED", "2025-02-01");
        step(api, id, "KEN", "ACCEDED", "2025-03-01");
        step(api, id, "CAN", "RATIFIED", "2025-04-20");
        step(api, id, "BRA", "RATIFIED", "2025-06-15");
        step(api, id, "DEU", "DENOUNCED", "2025-09-01");
    }

    static void step(Api api, String id, String state, String action, String date) {
        Api.Response answer = api.post("/api/states/" + state + "/participation",
                "{\"instrument\":\"%s\",\"action\":\"%s\",\"date\":\"%s\"}".formatted(id, action, date));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }
}
