package org.cybernorms.compliance.violation.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads {@code ViolationReported} revision 1 as revision 2: the evidence, a list of address strings, becomes a list
 * of typed links {@code {url, kind}}, the kind derived from each address by {@link EvidenceLink#of(String)} (the
 * same rule the aggregate applies to new reports). A missing or null list becomes an empty list. Every other member
 * is kept as it was. Works on the JSON tree, so it never needs the revision 1 class.
 *
 * <p>A Spring bean of type {@code EventUpcaster}: Axon puts it in the upcaster chain of the event store, so every
 * reader — aggregates, streaming processors, the event log and its export — sees revision 2.
 */
@Component
@Order(0)
public class ViolationReportedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ViolationReported.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ViolationReported.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ViolationReportedUpcaster::evidenceAsLinks);
    }

    static JsonNode evidenceAsLinks(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        ArrayNode links = JsonNodeFactory.instance.arrayNode();
        JsonNode evidence = event.get("evidence");
        if (evidence != null && evidence.isArray()) {
            for (JsonNode address : evidence) {
                EvidenceLink link = EvidenceLink.of(address.asText());
                links.addObject().put("url", link.url()).put("kind", link.kind().name());
            }
        }
        event.set("evidence", links);
        return event;
    }
}
