package dev.storycore.enhance.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.enhance.errors.ModelException;
import java.util.ArrayList;
import java.util.List;

/** One layer of a Keras model config as TF.js stores it: class, name, config and the layers feeding it. */
record KerasLayer(String className, String name, JsonNode config, List<String> inbound) {

    /** Reads a Functional model's layer; {@code inbound_nodes} is Keras 2 style [[[name, node, tensor, kwargs], ...]]. */
    static KerasLayer functional(JsonNode layer, String modelName) {
        String className = layer.path("class_name").asText();
        String name = layer.path("name").asText(layer.path("config").path("name").asText());
        JsonNode nodes = layer.path("inbound_nodes");
        List<String> inbound = new ArrayList<>();
        if (nodes.size() > 1) {
            throw new ModelException("layer " + name + " in model " + modelName + " is called " + nodes.size()
                    + " times (shared layers are not supported by the importer)");
        }
        if (nodes.size() == 1) {
            JsonNode call = nodes.get(0);
            if (!call.isArray()) {
                throw new ModelException("model " + modelName + " uses the Keras 3 layer-call format (layer " + name
                        + "); convert it with a TF.js converter that writes Keras 2 'inbound_nodes' lists");
            }
            for (JsonNode ref : call) {
                if (ref.path(1).asInt(0) != 0 || ref.path(2).asInt(0) != 0) {
                    throw new ModelException("layer " + name + " in model " + modelName + " reads output "
                            + ref + " of a multi-output or shared layer, which the importer does not support");
                }
                inbound.add(ref.path(0).asText());
            }
        }
        return new KerasLayer(className, name, layer.path("config"), List.copyOf(inbound));
    }

    /** A Sequential model's layer, fed by the previous one (none for the first). */
    static KerasLayer sequential(JsonNode layer, String previous) {
        String className = layer.path("class_name").asText();
        String name = layer.path("config").path("name").asText(layer.path("name").asText());
        return new KerasLayer(className, name, layer.path("config"),
                previous == null ? List.of() : List.of(previous));
    }

    int intAt(String field, int index, int fallback) {
        JsonNode n = config.path(field);
        if (n.isArray()) {
            return n.path(index).asInt(fallback);
        }
        return n.isNumber() ? n.asInt() : fallback;
    }

    String text(String field, String fallback) {
        JsonNode n = config.path(field);
        return n.isTextual() ? n.asText() : fallback;
    }
}
