package org.cybernorms.compliance.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link CommandLoad}'s mix of commands, sent through the public HTTP API as a monitoring body sends them: violation
 * reports (report, review, the state's reply, then confirm and remedy, or dismiss), commitments (make, progress,
 * fulfil) and pledges (one in four withdrawn later), 4 : 3 : 3. Each client keeps four stories open and advances a
 * random one, so that a record is written to a few requests after its last write. A story goes on from the id its
 * first answer names; if that first write failed, the story is dropped.
 *
 * <p>{@link #spread} sends each story to one of {@link CommandLoad}'s sixteen states and eleven norms; {@link #hot}
 * sends all of them to one state and one norm.
 */
public final class TrackerWriteMix implements HttpWriteLoad.Mix {

    static final List<String> STATES = List.of("FRA", "DEU", "USA", "RUS", "CHN", "GBR", "EST", "SGP", "KEN", "BRA",
            "IND", "JPN", "AUS", "NLD", "GHA", "MEX");
    static final List<String> NORMS = Arrays.stream("abcdefghijk".split("")).map(letter -> "13" + letter).toList();
    private static final LocalDate BASE = LocalDate.of(2019, 1, 1);
    private static final Pattern ID = Pattern.compile("\"(?:violationId|commitmentId|pledgeId)\"\\s*:\\s*\"([^\"]+)\"");
    private static final int OPEN_STORIES = 4;

    private final Random random;
    private final List<String> states;
    private final String hotState;
    private final String hotNorm;
    private final List<Story> open = new ArrayList<>();
    private Story current;

    private TrackerWriteMix(long seed, List<String> states, String hotState, String hotNorm) {
        this.random = new Random(seed);
        this.states = List.copyOf(states);
        this.hotState = hotState;
        this.hotNorm = hotNorm;
    }

    /** Stories over sixteen states and eleven norms. */
    public static TrackerWriteMix spread(long seed) {
        return spread(seed, STATES);
    }

    /** Stories over these states and eleven norms. */
    public static TrackerWriteMix spread(long seed, List<String> states) {
        return new TrackerWriteMix(seed, states, null, null);
    }

    /** Every story about one state and one norm. */
    public static TrackerWriteMix hot(long seed, String state, String norm) {
        return new TrackerWriteMix(seed, List.of(state), state, norm);
    }

    @Override
    public HttpWriteLoad.Request next() {
        while (open.size() < OPEN_STORIES) {
            open.add(newStory());
        }
        current = open.get(random.nextInt(open.size()));
        return current.steps.get(current.next).apply(current.id);
    }

    @Override
    public void answered(HttpWriteLoad.Request request, int status, String body) {
        Story story = current;
        boolean ok = status >= 200 && status < 300;
        if (story.next == 0) {
            Matcher id = ID.matcher(body);
            if (!ok || !id.find()) {
                open.remove(story);
                return;
            }
            story.id = id.group(1);
        }
        story.next++;
        if (story.next == story.steps.size()) {
            open.remove(story);
        }
    }

    private Story newStory() {
        int kind = random.nextInt(10);
        String state = hotState != null ? hotState : states.get(random.nextInt(states.size()));
        String norm = hotNorm != null ? hotNorm : NORMS.get(random.nextInt(NORMS.size()));
        LocalDate day = BASE.plusDays(random.nextInt(1_000));
        List<Function<String, HttpWriteLoad.Request>> steps = new ArrayList<>();
        if (kind < 4) {
            String severity = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").get(random.nextInt(4));
            long evidence = random.nextLong() & Long.MAX_VALUE;
            steps.add(id -> post("/api/violations", "{\"state\":\"" + state + "\",\"instrument\":\"un-gge-2015\","
                    + "\"norm\":\"" + norm + "\",\"occurredOn\":\"" + day + "\",\"reportedOn\":\"" + day.plusDays(3)
                    + "\",\"severity\":\"" + severity + "\",\"summary\":\"Malicious activity against critical"
                    + " infrastructure attributed to " + state + "\",\"evidence\":[\"https://example.org/advisory/"
                    + evidence + "\"],\"reportingBody\":\"A monitoring body\"}"));
            steps.add(id -> post("/api/violations/" + id + "/review", "{\"startedOn\":\"" + day.plusDays(10) + "\"}"));
            steps.add(id -> post("/api/violations/" + id + "/response", "{\"respondedOn\":\"" + day.plusDays(20)
                    + "\",\"text\":\"We reject the attribution.\"}"));
            if (random.nextInt(4) == 0) {
                steps.add(id -> post("/api/violations/" + id + "/dismissal", "{\"dismissedOn\":\""
                        + day.plusDays(60) + "\",\"reason\":\"Insufficient evidence\"}"));
            } else {
                steps.add(id -> post("/api/violations/" + id + "/confirmation", "{\"confirmedOn\":\""
                        + day.plusDays(60) + "\",\"finding\":\"Attributed by several governments\"}"));
                steps.add(id -> post("/api/violations/" + id + "/remedy", "{\"remediedOn\":\"" + day.plusDays(200)
                        + "\",\"note\":\"Service restored\"}"));
            }
        } else if (kind < 7) {
            steps.add(id -> post("/api/commitments", "{\"state\":\"" + state + "\",\"instrument\":\"un-gge-2015\","
                    + "\"norm\":\"" + norm + "\",\"description\":\"Adopt a protection strategy\",\"madeOn\":\"" + day
                    + "\",\"dueOn\":\"" + day.plusDays(365) + "\"}"));
            steps.add(id -> post("/api/commitments/" + id + "/progress", "{\"reportedOn\":\"" + day.plusDays(100)
                    + "\",\"note\":\"Draft strategy published\"}"));
            steps.add(id -> post("/api/commitments/" + id + "/fulfilment", "{\"fulfilledOn\":\"" + day.plusDays(300)
                    + "\",\"evidence\":\"Strategy adopted by decree\"}"));
        } else {
            steps.add(id -> post("/api/states/" + state + "/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\""
                    + norm + "\",\"pledgedOn\":\"" + day + "\",\"statement\":\"We will observe norm " + norm
                    + ".\"}"));
            if (random.nextInt(4) == 0) {
                steps.add(id -> post("/api/states/" + state + "/pledges/" + id + "/withdrawal", "{\"withdrawnOn\":\""
                        + day.plusDays(500) + "\"}"));
            }
        }
        return new Story(steps);
    }

    private static HttpWriteLoad.Request post(String path, String json) {
        return new HttpWriteLoad.Request(path, json);
    }

    private static final class Story {
        final List<Function<String, HttpWriteLoad.Request>> steps;
        int next;
        String id;

        Story(List<Function<String, HttpWriteLoad.Request>> steps) {
            this.steps = steps;
        }
    }
}
