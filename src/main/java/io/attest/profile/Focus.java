package io.attest.profile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which of our reports an answer speaks of.
 *
 * @param kinds the report kinds (all when empty)
 * @param types the report types (any when empty)
 * @param asked true when the question itself named them, so a kind we do not hold is worth saying so
 */
public record Focus(Set<SocKind> kinds, Set<SocType> types, boolean asked) {

    public static final Focus ALL = new Focus(Set.of(), Set.of(), false);

    public Focus {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /**
     * The focus of subject ids ({@code soc1}, {@code type2}, …): those a question named ({@code asked}), else those an
     * intent is about. Other subjects are ignored.
     */
    public static Focus of(Iterable<String> subjectIds, boolean asked) {
        Set<SocKind> kinds = EnumSet.noneOf(SocKind.class);
        Set<SocType> types = EnumSet.noneOf(SocType.class);
        for (String id : subjectIds) {
            SocKind.fromWire(id).ifPresent(kinds::add);
            SocType.fromWire(id).ifPresent(types::add);
        }
        if (kinds.size() == SocKind.values().length) {
            kinds.clear(); // every kind is no narrowing at all
        }
        return new Focus(kinds, types, asked && !(kinds.isEmpty() && types.isEmpty()));
    }
}
