package io.chargebase.domain.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.tariffs.SelectionDecision.Decision;
import io.chargebase.domain.tariffs.SelectionDecision.Snapshot;

/** Selection's decision for each of its reasons, from snapshots alone: no database, no Spring. */
class SelectionDecisionTest {

    private static final UUID FLEET = UUID.randomUUID();
    private static final UUID STAFF = UUID.randomUUID();
    private static final UUID CITY = UUID.randomUUID();
    private static final Map<UUID, String> NAMES = Map.of(FLEET, "Fleet", STAFF, "Staff", CITY, "City centre");
    private static final SelectionDecision.Names BY_NAME = SelectionDecision.Names.of(NAMES::get, NAMES::get, NAMES::get);

    private static final Customer.Facts AD_HOC = new Customer.Facts(Customer.Kind.AD_HOC, null, false, Set.of(), Set.of());
    private static final Customer.Facts ROAMING = new Customer.Facts(Customer.Kind.ROAMING, null, false, Set.of(), Set.of());
    private static final Customer.Facts OWNER = new Customer.Facts(Customer.Kind.PROFILE, UUID.randomUUID(), true, Set.of(), Set.of());
    private static final Customer.Facts IN_FLEET = new Customer.Facts(Customer.Kind.PROFILE, UUID.randomUUID(), false, Set.of(FLEET), Set.of());
    private static final Customer.Facts STAFFER = new Customer.Facts(Customer.Kind.PROFILE, UUID.randomUUID(), false, Set.of(), Set.of(STAFF));

    private final StoredTariff base = tariff("Base", true, TariffAudience.EVERYONE);
    private final StoredTariff forOwners = tariff("Owners", false, new TariffAudience(true, false, false, List.of(), List.of()));
    private final StoredTariff forRoaming = tariff("Roaming", false, new TariffAudience(false, true, false, List.of(), List.of()));
    private final StoredTariff forAdHoc = tariff("Ad hoc", false, new TariffAudience(false, false, true, List.of(), List.of()));
    private final StoredTariff forFleet = tariff("Fleet", false, new TariffAudience(false, false, false, List.of(FLEET), List.of()));
    private final StoredTariff forStaff = tariff("Staff", false, new TariffAudience(false, false, false, List.of(), List.of(STAFF)));
    private final TariffGroup group = new TariffGroup(UUID.randomUUID(), "AC", base.id(),
            List.of(base.id(), forOwners.id(), forRoaming.id(), forAdHoc.id(), forFleet.id(), forStaff.id()));

    private Decision inGroup(Customer.Facts customer) {
        Map<UUID, StoredTariff> tariffs = List.of(base, forOwners, forRoaming, forAdHoc, forFleet, forStaff).stream()
                .collect(Collectors.toMap(StoredTariff::id, Function.identity()));
        return SelectionDecision.decide(new Snapshot(Set.of(), customer, group, tariffs, null));
    }

    @Test
    void inATariffGroupTheLastTariffWhoseAudienceTheCustomerIsInApplies() {
        Decision staff = inGroup(STAFFER);
        assertThat(staff.tariffId()).isEqualTo(forStaff.id());
        assertThat(staff.source()).isEqualTo(TariffSelection.Source.TARIFF_GROUP);
        assertThat(staff.tariffGroupId()).isEqualTo(group.id());
        assertThat(staff.tariffPlanId()).isNull();
        assertThat(staff.reason().text(BY_NAME)).isEqualTo("Tariff group \"AC\", position 6 of 6: member of user group \"Staff\".");
        assertThat(inGroup(IN_FLEET).reason().text(BY_NAME))
                .isEqualTo("Tariff group \"AC\", position 5 of 6: member of business-partner group \"Fleet\".");
        assertThat(inGroup(AD_HOC).reason().text(BY_NAME)).isEqualTo("Tariff group \"AC\", position 4 of 6: ad-hoc user.");
        assertThat(inGroup(ROAMING).reason().text(BY_NAME)).isEqualTo("Tariff group \"AC\", position 3 of 6: roaming user.");
        assertThat(inGroup(OWNER).reason().text(BY_NAME)).isEqualTo("Tariff group \"AC\", position 2 of 6: user of the charge point's owner.");
    }

    @Test
    void theBaseTariffAppliesToEveryoneElse() {
        Customer.Facts nobodySpecial = new Customer.Facts(Customer.Kind.PROFILE, UUID.randomUUID(), false, Set.of(), Set.of());
        Decision decision = inGroup(nobodySpecial);
        assertThat(decision.tariffId()).isEqualTo(base.id());
        assertThat(decision.reason().text(BY_NAME)).isEqualTo("Tariff group \"AC\", position 1 of 6 (base tariff): applies to everyone.");
    }

    @Test
    void aGroupWithoutATariffForEveryoneIsABug() {
        TariffGroup broken = new TariffGroup(UUID.randomUUID(), "Broken", forStaff.id(), List.of(forStaff.id()));
        assertThatThrownBy(() -> SelectionDecision.decide(new Snapshot(Set.of(), AD_HOC, broken, Map.of(forStaff.id(), forStaff), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no base tariff");
    }

    private final UUID ruleTariff = UUID.randomUUID();
    private final UUID anyoneInTheCity = UUID.randomUUID();
    private final UUID fleetAnywhere = UUID.randomUUID();
    private final UUID defaultTariff = UUID.randomUUID();
    private final TariffPlan plan = new TariffPlan(UUID.randomUUID(), "Plan", defaultTariff, true, List.of(
            new TariffPlan.Rule(1, CITY, FLEET, ruleTariff),
            new TariffPlan.Rule(2, CITY, null, anyoneInTheCity),
            new TariffPlan.Rule(3, null, FLEET, fleetAnywhere)));

    private Decision byPlan(Set<UUID> evseLocationGroups, Customer.Facts customer) {
        return SelectionDecision.decide(new Snapshot(evseLocationGroups, customer, null, Map.of(), plan));
    }

    @Test
    void planRulesAreTriedByPrecedenceAndTheFirstThatMatchesApplies() {
        Decision both = byPlan(Set.of(CITY), IN_FLEET);
        assertThat(both.tariffId()).isEqualTo(ruleTariff);
        assertThat(both.source()).isEqualTo(TariffSelection.Source.PLAN_RULE);
        assertThat(both.tariffPlanId()).isEqualTo(plan.id());
        assertThat(both.rulePrecedence()).isEqualTo(1);
        assertThat(both.reason().text(BY_NAME))
                .isEqualTo("Tariff plan \"Plan\", rule 1: location group \"City centre\" × business-partner group \"Fleet\".");
        Decision city = byPlan(Set.of(CITY), AD_HOC);
        assertThat(city.tariffId()).isEqualTo(anyoneInTheCity);
        assertThat(city.reason().text(BY_NAME)).isEqualTo("Tariff plan \"Plan\", rule 2: location group \"City centre\" × any customer.");
        Decision fleet = byPlan(Set.of(), IN_FLEET);
        assertThat(fleet.tariffId()).isEqualTo(fleetAnywhere);
        assertThat(fleet.reason().text(BY_NAME)).isEqualTo("Tariff plan \"Plan\", rule 3: any location × business-partner group \"Fleet\".");
    }

    @Test
    void whenNoRuleMatchesThePlansDefaultApplies() {
        Decision decision = byPlan(Set.of(UUID.randomUUID()), AD_HOC);
        assertThat(decision.tariffId()).isEqualTo(defaultTariff);
        assertThat(decision.source()).isEqualTo(TariffSelection.Source.PLAN_DEFAULT);
        assertThat(decision.rulePrecedence()).isNull();
        assertThat(decision.reason().text(BY_NAME)).isEqualTo("Tariff plan \"Plan\": no rule matched, the plan's default tariff applies.");
    }

    @Test
    void withoutATariffGroupOrAnActivePlanNothingPricesTheEvse() {
        assertThatThrownBy(() -> SelectionDecision.decide(new Snapshot(Set.of(), AD_HOC, null, Map.of(), null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_TARIFF));
    }

    private static StoredTariff tariff(String name, boolean base, TariffAudience audience) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new StoredTariff(UUID.randomUUID(), name, TariffKind.FLAT, Currency.getInstance("EUR"), 1, base, audience, now, now);
    }
}
