package org.recworkbench.data.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.recworkbench.api.data.Attributes;
import org.recworkbench.api.data.IdIndex;

/** Collects multi-valued labels per entity index and freezes them into a categorical attribute. */
public final class CategoricalBuilder {
    private final String name;
    private final IdIndex.Builder values = new IdIndex.Builder();
    private final List<Set<Integer>> perEntity = new ArrayList<>();

    public CategoricalBuilder(String name) {
        this.name = name;
    }

    public void add(int entity, String label) {
        while (perEntity.size() <= entity) {
            perEntity.add(null);
        }
        Set<Integer> set = perEntity.get(entity);
        if (set == null) {
            set = new LinkedHashSet<>(4);
            perEntity.set(entity, set);
        }
        set.add(values.intern(label));
    }

    public boolean isEmpty() {
        return values.size() == 0;
    }

    public Attributes.Categorical build(int entities) {
        int[][] of = new int[entities][];
        for (int e = 0; e < entities; e++) {
            Set<Integer> set = e < perEntity.size() ? perEntity.get(e) : null;
            of[e] = set == null ? new int[0] : set.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new Attributes.Categorical(name, values.build(), of);
    }
}
