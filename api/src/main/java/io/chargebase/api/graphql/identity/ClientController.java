package io.chargebase.api.graphql.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.api.security.ClientDirectory;
import io.chargebase.api.security.Role;

@Controller
class ClientController {

    private final ClientDirectory directory;

    ClientController(ClientDirectory directory) {
        this.directory = directory;
    }

    record RegisterClientInput(String clientId, String name, ClientDirectory.Kind kind, List<String> redirectUris, List<Role> roles) {
    }

    record RegisterClientPayload(ClientDirectory.Client client, String clientSecret, List<UserError> userErrors) {
    }

    record RemoveClientInput(String clientId) {
    }

    record RemoveClientPayload(String removedClientId, List<UserError> userErrors) {
    }

    @QueryMapping
    List<ClientDirectory.Client> clients() {
        return directory.list();
    }

    @MutationMapping
    RegisterClientPayload registerClient(@Argument RegisterClientInput input) {
        Set<Role> roles = input.roles() == null || input.roles().isEmpty() ? Set.of() : EnumSet.copyOf(input.roles());
        return UserError.attempt(() -> {
            ClientDirectory.Registered registered = directory.register(input.clientId(), input.name(), input.kind(),
                    input.redirectUris(), roles);
            return new RegisterClientPayload(registered.client(), registered.clientSecret(), List.of());
        }, errors -> new RegisterClientPayload(null, null, errors));
    }

    @MutationMapping
    RemoveClientPayload removeClient(@Argument RemoveClientInput input) {
        return UserError.attempt(() -> new RemoveClientPayload(directory.remove(input.clientId()), List.of()),
                errors -> new RemoveClientPayload(null, errors));
    }
}
