package io.chargebase.api.graphql.operations;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.Page;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.LocalAuthLists;

/** The actions log as GraphQL: a charge point's commands, newest first, and the local list version it holds. */
@Controller
class CommandLogController {

    private final ChargerCommandLog log;
    private final ChargePoints chargePoints;
    private final LocalAuthLists localLists;

    CommandLogController(ChargerCommandLog log, ChargePoints chargePoints, LocalAuthLists localLists) {
        this.log = log;
        this.chargePoints = chargePoints;
        this.localLists = localLists;
    }

    @SchemaMapping(typeName = Types.CHARGER_COMMAND, field = "id")
    @PlainField
    String commandId(ChargerCommand command) {
        return GlobalId.encode(Types.CHARGER_COMMAND, command.id());
    }

    @BatchMapping(typeName = Types.CHARGER_COMMAND, field = "chargePoint")
    Map<ChargerCommand, ChargePoint> commandChargePoint(List<ChargerCommand> commands) {
        return Batches.toOne(commands, ChargerCommand::chargePointId, chargePoints::findAll);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "commands")
    Connection<ChargerCommand> commands(ChargePoint chargePoint, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        UUID afterId = Connection.afterId(after);
        Page<ChargerCommand> page = log.list(chargePoint.id(), afterId, size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), command -> command.id().toString());
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "localListVersion")
    Integer localListVersion(ChargePoint chargePoint) {
        return localLists.version(chargePoint.id()).orElse(null);
    }
}
