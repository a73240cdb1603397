package io.chargebase.domain.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class OuPathTest {

    private final UUID root = UUID.randomUUID();
    private final UUID fleet = UUID.randomUUID();
    private final UUID team = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void aChildPathExtendsItsParent() {
        OuPath path = OuPath.root(root).child(fleet).child(team);
        assertThat(path.value()).isEqualTo("/" + root + "/" + fleet + "/" + team + "/");
        assertThat(path.depth()).isEqualTo(2);
        assertThat(path.ids()).containsExactly(root, fleet, team);
        assertThat(path.leaf()).isEqualTo(team);
        assertThat(OuPath.root(root).depth()).isZero();
    }

    @Test
    void aSubtreeContainsItselfAndItsDescendantsOnly() {
        OuPath fleetPath = OuPath.root(root).child(fleet);
        assertThat(fleetPath.contains(fleetPath)).isTrue();
        assertThat(fleetPath.contains(fleetPath.child(team))).isTrue();
        assertThat(fleetPath.contains(OuPath.root(root))).isFalse();
        assertThat(fleetPath.contains(OuPath.root(root).child(other))).isFalse();
    }

    @Test
    void rebasingMovesADescendantWithItsSubtree() {
        OuPath from = OuPath.root(root).child(fleet);
        OuPath to = OuPath.root(root).child(other).child(fleet);
        assertThat(from.child(team).rebase(from, to)).isEqualTo(to.child(team));
        assertThatThrownBy(() -> OuPath.root(root).rebase(from, to)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedPathsAreRefused() {
        assertThatThrownBy(() -> new OuPath("no-slashes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OuPath("/")).isInstanceOf(IllegalArgumentException.class);
    }
}
