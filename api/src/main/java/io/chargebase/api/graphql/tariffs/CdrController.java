package io.chargebase.api.graphql.tariffs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.assets.Location;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.charging.CdrQuery;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.CpoCdr;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.charging.NewCpoCdr;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.CdrDimensionType;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tariffs.TariffVersion;
import io.chargebase.domain.tariffs.Tariffs;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** CPO CDRs and the MSP CDRs rated from them: recording, re-rating, and lists with filters. */
@Controller
class CdrController {

    record CdrFilter(Instant from, Instant to, String locationId, String profileId, String organisationUnitId, Boolean includeSuperseded) {
    }

    record CdrDimensionInput(CdrDimensionType type, java.math.BigDecimal volume) {
    }

    record ChargingPeriodInput(Instant startAt, List<CdrDimensionInput> dimensions) {
    }

    record PriceAmountInput(java.math.BigDecimal exclVat, java.math.BigDecimal inclVat) {
    }

    record RecordCpoCdrInput(String cdrNumber, String evseId, String tokenUid, String roamingParty, Instant startAt, Instant endAt,
            List<ChargingPeriodInput> chargingPeriods, PriceAmountInput cpoCost) {
    }

    record RecordCpoCdrPayload(MspCdr mspCdr, List<UserError> userErrors) {
    }

    record RerateCdrInput(String cpoCdrId) {
    }

    record RerateCdrPayload(MspCdr mspCdr, List<UserError> userErrors) {
    }

    private final Cdrs cdrs;
    private final Tariffs tariffs;
    private final TariffSelection selection;
    private final Locations locations;
    private final ChargePoints chargePoints;
    private final Profiles profiles;

    CdrController(Cdrs cdrs, Tariffs tariffs, TariffSelection selection, Locations locations, ChargePoints chargePoints, Profiles profiles) {
        this.cdrs = cdrs;
        this.tariffs = tariffs;
        this.selection = selection;
        this.locations = locations;
        this.chargePoints = chargePoints;
        this.profiles = profiles;
    }

    @QueryMapping
    Connection<CpoCdr> cpoCdrs(@Argument Integer first, @Argument String after, @Argument CdrFilter filter,
            DataFetchingEnvironment environment) {
        int size = Connection.pageSize(first);
        Page<CpoCdr> page = cdrs.cpoCdrs(query(filter), Connection.afterId(after), size, Connection.counts(environment));
        return Connection.of(page.items(), page.hasMore(), after != null, page.counted(), cdr -> cdr.id().toString());
    }

    @QueryMapping
    Connection<MspCdr> mspCdrs(@Argument Integer first, @Argument String after, @Argument CdrFilter filter,
            DataFetchingEnvironment environment) {
        int size = Connection.pageSize(first);
        Page<MspCdr> page = cdrs.mspCdrs(query(filter), Connection.afterId(after), size, Connection.counts(environment));
        return Connection.of(page.items(), page.hasMore(), after != null, page.counted(), cdr -> cdr.id().toString());
    }

    @QueryMapping
    Connection<MspCdr> myCdrs(@Argument Integer first, @Argument String after, DataFetchingEnvironment environment) {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            throw new BadRequestException("myCdrs is asked by a signed-in driver.");
        }
        int size = Connection.pageSize(first);
        Page<MspCdr> page = cdrs.mspCdrs(new CdrQuery(null, null, null, profileId, null, false), Connection.afterId(after), size,
                Connection.counts(environment));
        return Connection.of(page.items(), page.hasMore(), after != null, page.counted(), cdr -> cdr.id().toString());
    }

    @MutationMapping
    RecordCpoCdrPayload recordCpoCdr(@Argument RecordCpoCdrInput input) {
        return UserError.attempt(() -> {
            UUID evse = GlobalId.decode(input.evseId()).filter(id -> id.type().equals(Types.EVSE)).map(GlobalId::id)
                    .or(() -> selection.evseByEvseId(input.evseId()))
                    .orElseThrow(() -> DomainException.notFound("evseId", "EVSE", input.evseId()));
            List<ChargingPeriod> periods = new ArrayList<>();
            for (int i = 0; i < input.chargingPeriods().size(); i++) {
                ChargingPeriodInput period = input.chargingPeriods().get(i);
                List<CdrDimension> dimensions = new ArrayList<>();
                for (CdrDimensionInput dimension : period.dimensions()) {
                    if (dimension.volume().signum() < 0) {
                        throw new DomainException(ErrorCode.INVALID, "chargingPeriods." + i + ".dimensions", "A volume is not negative.");
                    }
                    dimensions.add(new CdrDimension(dimension.type(), dimension.volume()));
                }
                periods.add(new ChargingPeriod(period.startAt(), dimensions));
            }
            Price cost = input.cpoCost() == null ? null : new Price(input.cpoCost().exclVat(), input.cpoCost().inclVat());
            return new RecordCpoCdrPayload(cdrs.record(new NewCpoCdr(input.cdrNumber(), evse, input.tokenUid(), input.roamingParty(),
                    input.startAt(), input.endAt(), periods, cost, null), Caller.name()), List.of());
        }, errors -> new RecordCpoCdrPayload(null, errors));
    }

    @MutationMapping
    RerateCdrPayload rerateCdr(@Argument RerateCdrInput input) {
        return UserError.attempt(() -> new RerateCdrPayload(cdrs.rerate(GlobalId.require(Types.CPO_CDR, input.cpoCdrId(), "cpoCdrId"),
                        Caller.name()), List.of()),
                errors -> new RerateCdrPayload(null, errors));
    }

    // ---- CpoCdr

    @SchemaMapping(typeName = Types.CPO_CDR, field = "id")
    @PlainField
    String cpoCdrId(CpoCdr cdr) {
        return GlobalId.encode(Types.CPO_CDR, cdr.id());
    }

    @BatchMapping(typeName = Types.CPO_CDR, field = "location")
    Map<CpoCdr, Location> cpoLocation(List<CpoCdr> cdrs) {
        return Batches.toOne(cdrs, CpoCdr::locationId, locations::findAll);
    }

    @BatchMapping(typeName = Types.CPO_CDR, field = "evse")
    Map<CpoCdr, Evse> cpoEvse(List<CpoCdr> cdrs) {
        return Batches.toOne(cdrs, CpoCdr::evseId, chargePoints::findEvses);
    }

    @BatchMapping(typeName = Types.CPO_CDR, field = "profile")
    Map<CpoCdr, Profile> cpoProfile(List<CpoCdr> cdrs) {
        return Batches.toOne(cdrs, CpoCdr::profileId, profiles::findAll);
    }

    @SchemaMapping(typeName = Types.CPO_CDR, field = "startAt")
    @PlainField
    Instant cpoStart(CpoCdr cdr) {
        return cdr.start();
    }

    @SchemaMapping(typeName = Types.CPO_CDR, field = "endAt")
    @PlainField
    Instant cpoEnd(CpoCdr cdr) {
        return cdr.end();
    }

    @SchemaMapping(typeName = Types.CPO_CDR, field = "timeZone")
    @PlainField
    String cpoTimeZone(CpoCdr cdr) {
        return cdr.timeZone().getId();
    }

    @SchemaMapping(typeName = Types.CPO_CDR, field = "chargingPeriods")
    @PlainField
    List<ChargingPeriod> cpoPeriods(CpoCdr cdr) {
        return cdr.periods();
    }

    @SchemaMapping(typeName = Types.CPO_CDR, field = "currency")
    @PlainField
    String cpoCurrency(CpoCdr cdr) {
        return cdr.currency().getCurrencyCode();
    }

    @BatchMapping(typeName = Types.CPO_CDR, field = "mspCdr")
    Map<CpoCdr, MspCdr> cpoCurrentRating(List<CpoCdr> page) {
        return Batches.toOne(page, CpoCdr::id, ids -> Batches.latest(cdrs.versionsOf(ids)));
    }

    @BatchMapping(typeName = Types.CPO_CDR, field = "mspCdrs")
    Map<CpoCdr, List<MspCdr>> cpoRatings(List<CpoCdr> page) {
        return Batches.toOne(page, CpoCdr::id, cdrs::versionsOf);
    }

    @SchemaMapping(typeName = "ChargingPeriod", field = "startAt")
    @PlainField
    Instant periodStart(ChargingPeriod period) {
        return period.start();
    }

    // ---- MspCdr

    @SchemaMapping(typeName = Types.MSP_CDR, field = "id")
    @PlainField
    String mspCdrId(MspCdr cdr) {
        return GlobalId.encode(Types.MSP_CDR, cdr.id());
    }

    @BatchMapping(typeName = Types.MSP_CDR, field = "cpoCdr")
    Map<MspCdr, CpoCdr> mspCpoCdr(List<MspCdr> page) {
        return Batches.toOne(page, MspCdr::cpoCdrId, cdrs::findCpoCdrs);
    }

    @BatchMapping(typeName = Types.MSP_CDR, field = "profile")
    Map<MspCdr, Profile> mspProfile(List<MspCdr> page) {
        return Batches.toOne(page, MspCdr::profileId, profiles::findAll);
    }

    @BatchMapping(typeName = Types.MSP_CDR, field = "location")
    Map<MspCdr, Location> mspLocation(List<MspCdr> page) {
        return Batches.toOne(page, MspCdr::locationId, locations::findAll);
    }

    @BatchMapping(typeName = Types.MSP_CDR, field = "tariff")
    Map<MspCdr, TariffController.Tariff> mspTariff(List<MspCdr> page) {
        return Batches.toOne(page, MspCdr::tariffId, ids -> Batches.mapValues(tariffs.findAll(ids), TariffController.Tariff::new));
    }

    @BatchMapping(typeName = Types.MSP_CDR, field = "tariffVersion")
    Map<MspCdr, TariffVersion> mspTariffVersion(List<MspCdr> page) {
        return Batches.toOne(page, cdr -> new Tariffs.VersionRef(cdr.tariffId(), cdr.tariffVersion()), tariffs::versions);
    }

    @SchemaMapping(typeName = Types.MSP_CDR, field = "currency")
    @PlainField
    String mspCurrency(MspCdr cdr) {
        return cdr.currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = Types.MSP_CDR, field = "totalCost")
    @PlainField
    Price mspTotal(MspCdr cdr) {
        return new Price(cdr.totalCostExclVat(), cdr.totalCostInclVat());
    }

    @SchemaMapping(typeName = Types.MSP_CDR, field = "startAt")
    @PlainField
    Instant mspStart(MspCdr cdr) {
        return cdr.start();
    }

    @SchemaMapping(typeName = Types.MSP_CDR, field = "endAt")
    @PlainField
    Instant mspEnd(MspCdr cdr) {
        return cdr.end();
    }

    @SchemaMapping(typeName = "CdrLine", field = "cost")
    @PlainField
    Price lineCost(MspCdr.Line line) {
        return new Price(line.costExclVat(), line.costInclVat());
    }

    private CdrQuery query(CdrFilter filter) {
        if (filter == null) {
            return new CdrQuery(null, null, null, null, null, false);
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new BadRequestException("'from' lies before 'to'.");
        }
        return new CdrQuery(filter.from(), filter.to(), GlobalId.optional(Types.LOCATION, filter.locationId(), "locationId"),
                GlobalId.optional(Types.PROFILE, filter.profileId(), "profileId"),
                GlobalId.optional(Types.ORGANISATION_UNIT, filter.organisationUnitId(), "organisationUnitId"),
                Boolean.TRUE.equals(filter.includeSuperseded()));
    }

}
