package io.chargebase.api.graphql.charging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.SessionInactivity;

/** Sessions' inactivity marks and demo flags (also on their CPO CDRs), one query per page each. */
@Controller
class SessionInactivityController {

    private final ChargingSessions sessions;

    SessionInactivityController(ChargingSessions sessions) {
        this.sessions = sessions;
    }

    @BatchMapping(typeName = "ChargingSession", field = "inactivity")
    Map<ChargingSession, SessionInactivity> inactivity(List<ChargingSession> page) {
        Map<UUID, SessionInactivity> marks = sessions.inactivity(page.stream().map(ChargingSession::id).toList()).stream()
                .collect(Collectors.toMap(SessionInactivity::sessionId, Function.identity()));
        return page.stream().filter(session -> marks.containsKey(session.id()))
                .collect(Collectors.toMap(Function.identity(), session -> marks.get(session.id())));
    }

    /** Whether the session ran on a DEMO charge point: priced for show, never billed. */
    @BatchMapping(typeName = "ChargingSession", field = "demo")
    Map<ChargingSession, Boolean> demo(List<ChargingSession> page) {
        java.util.Set<UUID> demo = sessions.demo(page.stream().map(ChargingSession::id).toList());
        return page.stream().distinct().collect(Collectors.toMap(Function.identity(), session -> demo.contains(session.id())));
    }

    /** A CDR of a session on a DEMO charge point: rated for show, never billed. CDRs recorded by hand have no session. */
    @BatchMapping(typeName = "CpoCdr", field = "demo")
    Map<io.chargebase.domain.charging.CpoCdr, Boolean> cdrDemo(List<io.chargebase.domain.charging.CpoCdr> page) {
        java.util.Set<UUID> demo = sessions.demo(page.stream().map(io.chargebase.domain.charging.CpoCdr::sessionId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return page.stream().distinct().collect(Collectors.toMap(Function.identity(), cdr -> cdr.sessionId() != null && demo.contains(cdr.sessionId())));
    }
}
