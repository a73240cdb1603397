package io.chargebase.api.graphql.organisation;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.organisation.ProfileActions;
import io.chargebase.domain.organisation.ProfileActions.ProfileAction;

/** A driver account's actions log for the tenant's staff; row-level security keeps an OU admin to their subtree. */
@Controller
class ProfileActionsController {

    private final ProfileActions actions;

    ProfileActionsController(ProfileActions actions) {
        this.actions = actions;
    }

    @QueryMapping
    List<ProfileAction> profileActions(@Argument String profileId, @Argument Integer first) {
        return GlobalId.decode(profileId).filter(id -> Types.PROFILE.equals(id.type()))
                .map(id -> actions.of(id.id(), Connection.pageSize(first))).orElse(List.of());
    }

    @SchemaMapping(typeName = "ProfileAction", field = "actionId")
    @PlainField
    String actionId(ProfileAction action) {
        return action.id().toString();
    }
}
