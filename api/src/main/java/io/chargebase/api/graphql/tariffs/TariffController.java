package io.chargebase.api.graphql.tariffs;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.graphql.organisation.GroupController;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.assets.LocationGroup;
import io.chargebase.domain.assets.LocationGroups;
import io.chargebase.domain.organisation.Groups;
import io.chargebase.domain.charging.PriceEstimates;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.rating.StopLimits;
import io.chargebase.domain.rating.TariffElement;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.domain.tariffs.NewTariff;
import io.chargebase.domain.tariffs.StoredTariff;
import io.chargebase.domain.tariffs.TariffAudience;
import io.chargebase.domain.tariffs.TariffGroup;
import io.chargebase.domain.tariffs.TariffGroups;
import io.chargebase.domain.tariffs.TariffInfo;
import io.chargebase.domain.tariffs.TariffKind;
import io.chargebase.domain.tariffs.TariffPlan;
import io.chargebase.domain.tariffs.TariffPlans;
import io.chargebase.domain.tariffs.TariffPricing;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tariffs.TariffText;
import io.chargebase.domain.tariffs.TariffVersion;
import io.chargebase.domain.tariffs.Tariffs;
import io.chargebase.domain.rating.json.OcpiTariffJson;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Tariffs, tariff groups, tariff plans, which tariff applies and why, and what a driver pays at an EVSE. */
@Controller
public class TariffController {

    /** The GraphQL type {@code Tariff} (the name the Node type resolver goes by). */
    public record Tariff(StoredTariff stored) {
    }

    record PowerLevelInput(BigDecimal maxAverageKw, BigDecimal pricePerMinute) {
    }

    record TariffPricingInput(TariffKind kind, BigDecimal vatPercent, BigDecimal pricePerSession, BigDecimal connectionFee,
            BigDecimal pricePerKwh, BigDecimal pricePerMinute, String dayStartsAt, String nightStartsAt, BigDecimal nightPricePerKwh,
            BigDecimal nightPricePerMinute, List<PowerLevelInput> powerLevels, BigDecimal idleFeePerMinute, Integer idleGraceMinutes,
            String ocpiJson) {
    }

    record TariffAudienceInput(Boolean ownerUsers, Boolean roamingUsers, Boolean adHocUsers, List<String> businessPartnerGroupIds,
            List<String> userGroupIds) {
    }

    record StopLimitsInput(Integer maxMinutes, BigDecimal maxKwh) {
    }

    record CreateTariffInput(String name, String currency, TariffPricingInput pricing, String description, String information,
            String learnMoreUrl, StopLimitsInput stopLimits, TariffAudienceInput audience) {
    }

    record UpdateTariffInput(String tariffId, String name, TariffPricingInput pricing, String description, String information,
            String learnMoreUrl, StopLimitsInput stopLimits, TariffAudienceInput audience) {
    }

    record TariffPayload(Tariff tariff, List<UserError> userErrors) {
    }

    record DeleteTariffInput(String tariffId) {
    }

    record DeleteTariffPayload(String deletedTariffId, List<UserError> userErrors) {
    }

    record CreateTariffGroupInput(String name) {
    }

    record RenameTariffGroupInput(String tariffGroupId, String name) {
    }

    record TariffGroupTariffInput(String tariffGroupId, String tariffId) {
    }

    record ReorderTariffGroupInput(String tariffGroupId, List<String> tariffIds) {
    }

    record TariffGroupPayload(TariffGroup tariffGroup, List<UserError> userErrors) {
    }

    record DeleteTariffGroupInput(String tariffGroupId) {
    }

    record DeleteTariffGroupPayload(String deletedTariffGroupId, List<UserError> userErrors) {
    }

    record SetEvseTariffGroupInput(String evseId, String tariffGroupId) {
    }

    record SetEvseTariffGroupPayload(Evse evse, List<UserError> userErrors) {
    }

    record TariffPlanRuleInput(String locationGroupId, String businessPartnerGroupId, String tariffId) {
    }

    record CreateTariffPlanInput(String name, String defaultTariffId, List<TariffPlanRuleInput> rules, Boolean activate) {
    }

    record UpdateTariffPlanInput(String tariffPlanId, String name, String defaultTariffId, List<TariffPlanRuleInput> rules) {
    }

    record ActivateTariffPlanInput(String tariffPlanId) {
    }

    record TariffPlanPayload(TariffPlan tariffPlan, List<UserError> userErrors) {
    }

    record DeleteTariffPlanInput(String tariffPlanId) {
    }

    record DeleteTariffPlanPayload(String deletedTariffPlanId, List<UserError> userErrors) {
    }

    record ApplicableTariff(Tariff tariff, TariffVersion version, TariffSelection.Source source, TariffGroup tariffGroup,
            TariffPlan tariffPlan, Integer rulePrecedence, String reason) {
    }

    record PriceEstimate(BigDecimal energyKwh, int durationMinutes, List<MspCdr.Line> lines, Price total) {
    }

    /** What a driver sees of the version that prices an EVSE for them, with the estimate asked for. */
    record EvsePrice(Evse evse, String currency, String description, String information, String learnMoreUrl, String text,
            List<TariffElement> elements, Price minPrice, Price maxPrice, StopLimits stopLimits, PriceEstimate estimate) {

        static EvsePrice of(Evse evse, TariffVersion version, PriceEstimate estimate) {
            var tariff = version.tariff();
            return new EvsePrice(evse, tariff.currency().getCurrencyCode(), version.info().description(), version.info().information(),
                    version.info().learnMoreUrl(), TariffText.of(tariff), tariff.elements(), tariff.minPrice(), tariff.maxPrice(),
                    version.stopLimits(), estimate);
        }
    }

    private final Tariffs tariffs;
    private final TariffGroups tariffGroups;
    private final TariffPlans plans;
    private final TariffSelection selection;
    private final ChargePoints chargePoints;
    private final LocationGroups locationGroups;
    private final Groups groups;
    private final PriceEstimates prices;

    TariffController(Tariffs tariffs, TariffGroups tariffGroups, TariffPlans plans, TariffSelection selection, ChargePoints chargePoints,
            LocationGroups locationGroups, Groups groups, PriceEstimates prices) {
        this.tariffs = tariffs;
        this.tariffGroups = tariffGroups;
        this.plans = plans;
        this.selection = selection;
        this.chargePoints = chargePoints;
        this.locationGroups = locationGroups;
        this.groups = groups;
        this.prices = prices;
    }

    // ---- Tariff

    @SchemaMapping(typeName = Types.TARIFF, field = "id")
    @PlainField
    String tariffId(Tariff tariff) {
        return GlobalId.encode(Types.TARIFF, tariff.stored().id());
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "name")
    @PlainField
    String tariffName(Tariff tariff) {
        return tariff.stored().name();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "kind")
    @PlainField
    TariffKind tariffKind(Tariff tariff) {
        return tariff.stored().kind();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "currency")
    @PlainField
    String tariffCurrency(Tariff tariff) {
        return tariff.stored().currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "isBase")
    @PlainField
    boolean tariffIsBase(Tariff tariff) {
        return tariff.stored().base();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "audience")
    @PlainField
    TariffAudience tariffAudience(Tariff tariff) {
        return tariff.stored().audience();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "createdAt")
    @PlainField
    Instant tariffCreatedAt(Tariff tariff) {
        return tariff.stored().createdAt();
    }

    @SchemaMapping(typeName = Types.TARIFF, field = "updatedAt")
    @PlainField
    Instant tariffUpdatedAt(Tariff tariff) {
        return tariff.stored().updatedAt();
    }

    @BatchMapping(typeName = Types.TARIFF, field = "currentVersion")
    Map<Tariff, TariffVersion> currentVersion(List<Tariff> found) {
        return Batches.toOne(found, tariff -> new Tariffs.VersionRef(tariff.stored().id(), tariff.stored().currentVersion()), tariffs::versions);
    }

    @BatchMapping(typeName = Types.TARIFF, field = "versions")
    Map<Tariff, List<TariffVersion>> versions(List<Tariff> found) {
        return Batches.toOne(found, tariff -> tariff.stored().id(), tariffs::versionsOf);
    }

    @SchemaMapping(typeName = "TariffAudience", field = "businessPartnerGroups")
    List<GroupController.BusinessPartnerGroup> audiencePartners(TariffAudience audience) {
        return audience.partnerGroupIds().stream().map(groups::findBusinessPartnerGroup).flatMap(java.util.Optional::stream)
                .map(GroupController.BusinessPartnerGroup::new).toList();
    }

    @SchemaMapping(typeName = "TariffAudience", field = "userGroups")
    List<GroupController.UserGroup> audienceUserGroups(TariffAudience audience) {
        return audience.userGroupIds().stream().map(groups::findUserGroup).flatMap(java.util.Optional::stream)
                .map(GroupController.UserGroup::new).toList();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "description")
    @PlainField
    String versionDescription(TariffVersion version) {
        return version.info().description();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "information")
    @PlainField
    String versionInformation(TariffVersion version) {
        return version.info().information();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "learnMoreUrl")
    @PlainField
    String versionLearnMoreUrl(TariffVersion version) {
        return version.info().learnMoreUrl();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "text")
    @PlainField
    String versionText(TariffVersion version) {
        return TariffText.of(version.tariff());
    }

    @SchemaMapping(typeName = "TariffVersion", field = "elements")
    @PlainField
    List<TariffElement> versionElements(TariffVersion version) {
        return version.tariff().elements();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "minPrice")
    @PlainField
    Price versionMinPrice(TariffVersion version) {
        return version.tariff().minPrice();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "maxPrice")
    @PlainField
    Price versionMaxPrice(TariffVersion version) {
        return version.tariff().maxPrice();
    }

    @SchemaMapping(typeName = "TariffVersion", field = "ocpiJson")
    @PlainField
    String versionOcpiJson(TariffVersion version) {
        return OcpiTariffJson.write(version.tariff());
    }

    @SchemaMapping(typeName = "TariffPricing", field = "dayStartsAt")
    @PlainField
    String dayStartsAt(TariffPricing pricing) {
        return pricing.dayStartsAt() == null ? null : pricing.dayStartsAt().toString();
    }

    @SchemaMapping(typeName = "TariffPricing", field = "nightStartsAt")
    @PlainField
    String nightStartsAt(TariffPricing pricing) {
        return pricing.nightStartsAt() == null ? null : pricing.nightStartsAt().toString();
    }

    @SchemaMapping(typeName = "TariffElement", field = "components")
    @PlainField
    List<PriceComponent> elementComponents(TariffElement element) {
        return element.priceComponents();
    }

    @SchemaMapping(typeName = "TariffElement", field = "restrictions")
    @PlainField
    String elementRestrictions(TariffElement element) {
        return TariffText.restrictions(element.restrictions());
    }

    @SchemaMapping(typeName = "PriceComponent", field = "dimension")
    @PlainField
    String componentDimension(PriceComponent component) {
        return component.type().name();
    }

    @SchemaMapping(typeName = "PriceComponent", field = "vatPercent")
    @PlainField
    BigDecimal componentVat(PriceComponent component) {
        return component.vat();
    }

    @QueryMapping
    List<Tariff> tariffs() {
        return tariffs.list().stream().map(Tariff::new).toList();
    }

    @MutationMapping
    TariffPayload createTariff(@Argument CreateTariffInput input) {
        return UserError.attempt(() -> new TariffPayload(new Tariff(tariffs.create(new NewTariff(input.name(), currency(input.currency()),
                        pricing(input.pricing()), info(input.description(), input.information(), input.learnMoreUrl()),
                        limits(input.stopLimits()), audience(input.audience())), Caller.name())), List.of()),
                errors -> new TariffPayload(null, errors));
    }

    @MutationMapping
    TariffPayload updateTariff(@Argument UpdateTariffInput input) {
        return UserError.attempt(() -> {
            UUID id = GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId");
            boolean texts = input.description() != null || input.information() != null || input.learnMoreUrl() != null;
            TariffInfo info = null;
            if (texts) {
                TariffInfo current = tariffs.currentVersion(tariffs.find(id).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", id))).info();
                info = new TariffInfo(input.description() != null ? input.description() : current.description(),
                        input.information() != null ? input.information() : current.information(),
                        input.learnMoreUrl() != null ? input.learnMoreUrl() : current.learnMoreUrl());
            }
            return new TariffPayload(new Tariff(tariffs.update(id, new NewTariff(input.name(), null,
                    input.pricing() == null ? null : pricing(input.pricing()), info, limits(input.stopLimits()),
                    input.audience() == null ? null : audience(input.audience())), Caller.name())), List.of());
        }, errors -> new TariffPayload(null, errors));
    }

    @MutationMapping
    DeleteTariffPayload deleteTariff(@Argument DeleteTariffInput input) {
        return UserError.attempt(() -> new DeleteTariffPayload(GlobalId.encode(Types.TARIFF,
                        tariffs.delete(GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId"))), List.of()),
                errors -> new DeleteTariffPayload(null, errors));
    }

    // ---- Tariff groups

    @SchemaMapping(typeName = Types.TARIFF_GROUP, field = "id")
    @PlainField
    String tariffGroupId(TariffGroup group) {
        return GlobalId.encode(Types.TARIFF_GROUP, group.id());
    }

    @BatchMapping(typeName = Types.TARIFF_GROUP, field = "baseTariff")
    Map<TariffGroup, Tariff> baseTariff(List<TariffGroup> found) {
        return Batches.toOne(found, TariffGroup::baseTariffId, ids -> Batches.mapValues(tariffs.findAll(ids), Tariff::new));
    }

    @BatchMapping(typeName = Types.TARIFF_GROUP, field = "tariffs")
    Map<TariffGroup, List<Tariff>> groupTariffs(List<TariffGroup> found) {
        Map<UUID, StoredTariff> byId = tariffs.findAll(found.stream().flatMap(group -> group.tariffIds().stream()).distinct().toList());
        Map<TariffGroup, List<Tariff>> result = new LinkedHashMap<>();
        found.forEach(group -> result.put(group, group.tariffIds().stream().map(byId::get).filter(Objects::nonNull).map(Tariff::new).toList()));
        return result;
    }

    @BatchMapping(typeName = Types.EVSE, field = "tariffGroup")
    Map<Evse, TariffGroup> evseTariffGroup(List<Evse> evses) {
        Map<UUID, UUID> assigned = tariffGroups.groupsOfEvses(evses.stream().map(Evse::id).toList());
        Map<UUID, TariffGroup> all = new LinkedHashMap<>();
        if (!assigned.isEmpty()) {
            tariffGroups.list().forEach(group -> all.put(group.id(), group));
        }
        Map<Evse, TariffGroup> result = new LinkedHashMap<>();
        evses.forEach(evse -> {
            UUID group = assigned.get(evse.id());
            if (group != null) {
                result.put(evse, all.get(group));
            }
        });
        return result;
    }

    @QueryMapping
    List<TariffGroup> tariffGroups() {
        return tariffGroups.list();
    }

    @MutationMapping
    TariffGroupPayload createTariffGroup(@Argument CreateTariffGroupInput input) {
        return UserError.attempt(() -> new TariffGroupPayload(tariffGroups.create(input.name(), Caller.name()), List.of()),
                errors -> new TariffGroupPayload(null, errors));
    }

    @MutationMapping
    TariffGroupPayload renameTariffGroup(@Argument RenameTariffGroupInput input) {
        return UserError.attempt(() -> new TariffGroupPayload(tariffGroups.rename(group(input.tariffGroupId()), input.name()), List.of()),
                errors -> new TariffGroupPayload(null, errors));
    }

    @MutationMapping
    TariffGroupPayload attachTariff(@Argument TariffGroupTariffInput input) {
        return UserError.attempt(() -> new TariffGroupPayload(tariffGroups.attach(group(input.tariffGroupId()),
                        GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId")), List.of()),
                errors -> new TariffGroupPayload(null, errors));
    }

    @MutationMapping
    TariffGroupPayload detachTariff(@Argument TariffGroupTariffInput input) {
        return UserError.attempt(() -> new TariffGroupPayload(tariffGroups.detach(group(input.tariffGroupId()),
                        GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId")), List.of()),
                errors -> new TariffGroupPayload(null, errors));
    }

    @MutationMapping
    TariffGroupPayload reorderTariffGroup(@Argument ReorderTariffGroupInput input) {
        return UserError.attempt(() -> new TariffGroupPayload(tariffGroups.reorder(group(input.tariffGroupId()),
                        input.tariffIds().stream().map(id -> GlobalId.require(Types.TARIFF, id, "tariffIds")).toList()), List.of()),
                errors -> new TariffGroupPayload(null, errors));
    }

    @MutationMapping
    DeleteTariffGroupPayload deleteTariffGroup(@Argument DeleteTariffGroupInput input) {
        return UserError.attempt(() -> new DeleteTariffGroupPayload(GlobalId.encode(Types.TARIFF_GROUP,
                        tariffGroups.delete(group(input.tariffGroupId()))), List.of()),
                errors -> new DeleteTariffGroupPayload(null, errors));
    }

    @MutationMapping
    SetEvseTariffGroupPayload setEvseTariffGroup(@Argument SetEvseTariffGroupInput input) {
        return UserError.attempt(() -> {
            UUID evse = GlobalId.require(Types.EVSE, input.evseId(), "evseId");
            tariffGroups.assignToEvse(evse, input.tariffGroupId() == null ? null : group(input.tariffGroupId()));
            return new SetEvseTariffGroupPayload(chargePoints.findEvse(evse).orElseThrow(), List.of());
        }, errors -> new SetEvseTariffGroupPayload(null, errors));
    }

    // ---- Tariff plans

    @SchemaMapping(typeName = Types.TARIFF_PLAN, field = "id")
    @PlainField
    String tariffPlanId(TariffPlan plan) {
        return GlobalId.encode(Types.TARIFF_PLAN, plan.id());
    }

    @BatchMapping(typeName = Types.TARIFF_PLAN, field = "defaultTariff")
    Map<TariffPlan, Tariff> planDefault(List<TariffPlan> plans) {
        return Batches.toOne(plans, TariffPlan::defaultTariffId, ids -> Batches.mapValues(tariffs.findAll(ids), Tariff::new));
    }

    @SchemaMapping(typeName = "TariffPlanRule", field = "locationGroup")
    LocationGroup ruleLocationGroup(TariffPlan.Rule rule) {
        return rule.locationGroupId() == null ? null : locationGroups.find(rule.locationGroupId()).orElse(null);
    }

    @SchemaMapping(typeName = "TariffPlanRule", field = "businessPartnerGroup")
    GroupController.BusinessPartnerGroup ruleBusinessPartnerGroup(TariffPlan.Rule rule) {
        return rule.businessPartnerGroupId() == null ? null
                : groups.findBusinessPartnerGroup(rule.businessPartnerGroupId()).map(GroupController.BusinessPartnerGroup::new).orElse(null);
    }

    @BatchMapping(typeName = "TariffPlanRule", field = "tariff")
    Map<TariffPlan.Rule, Tariff> ruleTariff(List<TariffPlan.Rule> rules) {
        return Batches.toOne(rules, TariffPlan.Rule::tariffId, ids -> Batches.mapValues(tariffs.findAll(ids), Tariff::new));
    }

    @QueryMapping
    List<TariffPlan> tariffPlans() {
        return plans.list();
    }

    @MutationMapping
    TariffPlanPayload createTariffPlan(@Argument CreateTariffPlanInput input) {
        return UserError.attempt(() -> new TariffPlanPayload(plans.create(input.name(),
                        GlobalId.require(Types.TARIFF, input.defaultTariffId(), "defaultTariffId"), rules(input.rules()),
                        Boolean.TRUE.equals(input.activate())), List.of()),
                errors -> new TariffPlanPayload(null, errors));
    }

    @MutationMapping
    TariffPlanPayload updateTariffPlan(@Argument UpdateTariffPlanInput input) {
        return UserError.attempt(() -> new TariffPlanPayload(plans.update(plan(input.tariffPlanId()), input.name(),
                        GlobalId.optional(Types.TARIFF, input.defaultTariffId(), "defaultTariffId"),
                        input.rules() == null ? null : rules(input.rules())), List.of()),
                errors -> new TariffPlanPayload(null, errors));
    }

    @MutationMapping
    TariffPlanPayload activateTariffPlan(@Argument ActivateTariffPlanInput input) {
        return UserError.attempt(() -> new TariffPlanPayload(plans.activate(plan(input.tariffPlanId())), List.of()),
                errors -> new TariffPlanPayload(null, errors));
    }

    @MutationMapping
    DeleteTariffPlanPayload deleteTariffPlan(@Argument DeleteTariffPlanInput input) {
        return UserError.attempt(() -> new DeleteTariffPlanPayload(GlobalId.encode(Types.TARIFF_PLAN, plans.delete(plan(input.tariffPlanId()))),
                        List.of()),
                errors -> new DeleteTariffPlanPayload(null, errors));
    }

    // ---- Selection and prices

    @QueryMapping
    ApplicableTariff applicableTariff(@Argument String evseId, @Argument Customer.Kind customer, @Argument String profileId, @Argument Instant at) {
        UUID evse = GlobalId.decode(evseId).filter(id -> id.type().equals(Types.EVSE)).map(GlobalId::id)
                .orElseThrow(() -> new BadRequestException("'evseId' is not an EVSE id."));
        Customer who = switch (customer) {
            case PROFILE -> {
                UUID profile = GlobalId.decode(profileId == null ? "" : profileId).filter(id -> id.type().equals(Types.PROFILE)).map(GlobalId::id)
                        .orElseThrow(() -> new BadRequestException("A PROFILE customer needs a 'profileId'."));
                yield Customer.profile(profile);
            }
            case ROAMING -> Customer.roaming(null);
            case AD_HOC -> Customer.adHoc();
        };
        TariffSelection.Selected selected = selection.select(evse, who, at == null ? Instant.now() : at);
        return new ApplicableTariff(new Tariff(selected.tariff()), selected.version(), selected.source(),
                selected.tariffGroupId() == null ? null : tariffGroups.find(selected.tariffGroupId()).orElse(null),
                selected.tariffPlanId() == null ? null : plans.find(selected.tariffPlanId()).orElse(null),
                selected.rulePrecedence(), selected.reason());
    }

    /**
     * The driver's own price. Selection reads the pricing structure (units, groups, plans) that a driver's narrowed
     * scope does not show, so it runs for the whole tenant; the profile comes from the driver's token, never from input.
     */
    @QueryMapping
    EvsePrice evsePrice(@Argument String evseId, @Argument BigDecimal energyKwh, @Argument Integer durationMinutes, @Argument Instant startAt) {
        if (!(TenantContext.current() instanceof TenantScope.OfTenant scope)
                || !(scope.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            throw new BadRequestException("evsePrice is asked by a signed-in driver.");
        }
        if ((energyKwh == null) != (durationMinutes == null)) {
            throw new BadRequestException("An estimate needs both energyKwh and durationMinutes.");
        }
        if (energyKwh != null && (energyKwh.signum() < 0 || energyKwh.compareTo(BigDecimal.valueOf(10_000)) > 0
                || durationMinutes < 1 || durationMinutes > 7 * 24 * 60)) {
            throw new BadRequestException("An estimate takes 0 to 10000 kWh over 1 minute to 7 days.");
        }
        Instant start = startAt == null ? Instant.now() : startAt;
        // the EVSE is looked up in the driver's own scope, so one on a charge point hidden from them is not found
        UUID evse = GlobalId.decode(evseId).filter(id -> id.type().equals(Types.EVSE)).map(GlobalId::id)
                .or(() -> selection.evseByEvseId(evseId))
                .orElseThrow(() -> new BadRequestException("No EVSE " + evseId + "."));
        // an EVSE of a DISABLED charge point is hidden from drivers, exactly like one that does not exist
        Evse found = chargePoints.findEvse(evse)
                .filter(e -> chargePoints.statuses(List.of(e.chargePointId())).values().stream().allMatch(AssetTypes.ChargePointStatus::shownToDrivers))
                .orElseThrow(() -> new BadRequestException("No EVSE " + evseId + "."));
        return TenantContext.callAs(scope.whole(), () -> {
            TariffSelection.Selected selected = selection.select(evse, Customer.profile(profileId), start);
            PriceEstimate estimate = null;
            if (energyKwh != null) {
                Instant end = start.plus(Duration.ofMinutes(durationMinutes));
                // the energy charged evenly, cut at the tariff's boundaries as the session's CDR will be
                io.chargebase.domain.charging.PriceEstimate price = prices.ofEvenCharge(selected, start, end, energyKwh);
                estimate = new PriceEstimate(energyKwh, durationMinutes, price.lines(price.currencyScale()), price.total());
            }
            return EvsePrice.of(found, selected.version(), estimate);
        });
    }

    // ---- Input mapping

    private static TariffPricing pricing(TariffPricingInput input) {
        if (input == null) {
            throw new DomainException(ErrorCode.REQUIRED, "pricing", "Give the tariff's prices.");
        }
        List<TariffPricing.PowerLevel> levels = input.powerLevels() == null ? null : input.powerLevels().stream()
                .map(level -> new TariffPricing.PowerLevel(level.maxAverageKw(), level.pricePerMinute())).toList();
        return new TariffPricing(input.kind(), input.vatPercent(), input.pricePerSession(), input.connectionFee(), input.pricePerKwh(),
                input.pricePerMinute(), time("pricing.dayStartsAt", input.dayStartsAt()), time("pricing.nightStartsAt", input.nightStartsAt()),
                input.nightPricePerKwh(), input.nightPricePerMinute(), levels, input.idleFeePerMinute(), input.idleGraceMinutes(),
                input.ocpiJson());
    }

    private static LocalTime time(String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID, field, "A time of day is written HH:mm, e.g. 22:00.");
        }
    }

    private static Currency currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(code);
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.INVALID_CURRENCY, "currency", "Not an ISO 4217 currency: " + code + ".");
        }
    }

    private static TariffInfo info(String description, String information, String learnMoreUrl) {
        return new TariffInfo(description, information, learnMoreUrl);
    }

    private static StopLimits limits(StopLimitsInput input) {
        return input == null ? null : new StopLimits(input.maxMinutes(), input.maxKwh());
    }

    private static TariffAudience audience(TariffAudienceInput input) {
        if (input == null) {
            return null;
        }
        return new TariffAudience(Boolean.TRUE.equals(input.ownerUsers()), Boolean.TRUE.equals(input.roamingUsers()),
                Boolean.TRUE.equals(input.adHocUsers()), ids(Types.BUSINESS_PARTNER_GROUP, input.businessPartnerGroupIds(), "audience.businessPartnerGroupIds"),
                ids(Types.USER_GROUP, input.userGroupIds(), "audience.userGroupIds"));
    }

    private static List<TariffPlans.NewRule> rules(List<TariffPlanRuleInput> input) {
        if (input == null) {
            return List.of();
        }
        List<TariffPlans.NewRule> rules = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            TariffPlanRuleInput rule = input.get(i);
            rules.add(new TariffPlans.NewRule(GlobalId.optional(Types.LOCATION_GROUP, rule.locationGroupId(), "rules." + i + ".locationGroupId"),
                    GlobalId.optional(Types.BUSINESS_PARTNER_GROUP, rule.businessPartnerGroupId(), "rules." + i + ".businessPartnerGroupId"),
                    GlobalId.require(Types.TARIFF, rule.tariffId(), "rules." + i + ".tariffId")));
        }
        return rules;
    }

    private static List<UUID> ids(String type, Collection<String> ids, String field) {
        return ids == null ? List.of() : ids.stream().map(id -> GlobalId.require(type, id, field)).toList();
    }

    private static UUID group(String id) {
        return GlobalId.require(Types.TARIFF_GROUP, id, "tariffGroupId");
    }

    private static UUID plan(String id) {
        return GlobalId.require(Types.TARIFF_PLAN, id, "tariffPlanId");
    }

}
