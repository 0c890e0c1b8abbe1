package dev.storycore.enhance.testing;

import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ModelLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A model loader over fakes registered by id; every id not registered is "not fetched". */
public final class FakeModelLoader implements ModelLoader {
    private final Map<String, Supplier<? extends ImageModel>> models = new LinkedHashMap<>();
    private final List<ImageModel> loaded = new ArrayList<>();

    public FakeModelLoader with(String id, Supplier<? extends ImageModel> model) {
        models.put(id, model);
        return this;
    }

    /** Registers {@link FakeSrModel#of} for each id, its scale taken from the "-xN" suffix. */
    public static FakeModelLoader withFakes(String... ids) {
        FakeModelLoader loader = new FakeModelLoader();
        for (String id : ids) {
            int scale = Integer.parseInt(id.substring(id.lastIndexOf("-x") + 2));
            loader.with(id, () -> FakeSrModel.of(id, scale));
        }
        return loader;
    }

    @Override
    public boolean isAvailable(String modelId) {
        return models.containsKey(modelId);
    }

    @Override
    public synchronized ImageModel load(String modelId) {
        Supplier<? extends ImageModel> s = models.get(modelId);
        if (s == null) {
            throw new ModelNotFoundException("model " + modelId + " is not fetched; run ./storycore models fetch " + modelId);
        }
        ImageModel model = s.get();
        loaded.add(model);
        return model;
    }

    /** Every model handed out so far, in order. */
    public synchronized List<ImageModel> loaded() {
        return List.copyOf(loaded);
    }
}
