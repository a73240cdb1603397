package io.chargebase.api.graphql.tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.BillingTarget;
import io.chargebase.domain.tokens.NewToken;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenStatus;
import io.chargebase.domain.tokens.TokenStatusChange;
import io.chargebase.domain.tokens.TokenType;
import io.chargebase.domain.tokens.Tokens;

@Controller
class TokenController {

    private final Tokens tokens;
    private final Profiles profiles;
    private final Clock clock;
    private final io.chargebase.domain.tokens.TokenImport tokenImport;

    TokenController(Tokens tokens, Profiles profiles, Clock clock, io.chargebase.domain.tokens.TokenImport tokenImport) {
        this.tokens = tokens;
        this.profiles = profiles;
        this.clock = clock;
        this.tokenImport = tokenImport;
    }

    record ImportTokensInput(String csv, Boolean allOrNothing) {
    }

    record ImportTokensPayload(int imported, List<io.chargebase.domain.csv.RowError> rowErrors, List<UserError> userErrors) {
    }

    @MutationMapping
    ImportTokensPayload importTokens(@Argument ImportTokensInput input) {
        return UserError.attempt(() -> {
            var result = tokenImport.run(io.chargebase.domain.csv.CsvTable.parse(input.csv() == null ? "" : input.csv(), io.chargebase.domain.tokens.TokenImport.MAX_ROWS),
                    input.allOrNothing() == null || input.allOrNothing(), Caller.name());
            return new ImportTokensPayload(result.imported(), result.errors(), List.of());
        }, errors -> new ImportTokensPayload(0, List.of(), errors));
    }

    record TokenFilter(String text, String ownerProfileId) {
    }

    record CreateTokenInput(String uid, String emaId, TokenType type, String ownerProfileId, String visualNumber,
            Instant expiresAt, BillingTarget billing) {
    }

    record TokenStatusInput(String tokenId, String reason) {
    }

    record TokenPayload(Token token, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.TOKEN, field = "id")
    @PlainField
    String id(Token token) {
        return GlobalId.encode(Types.TOKEN, token.id());
    }

    @SchemaMapping(typeName = Types.TOKEN, field = "uid")
    @PlainField
    String uid(Token token) {
        return token.uid().value();
    }

    @SchemaMapping(typeName = Types.TOKEN, field = "emaId")
    @PlainField
    String emaId(Token token) {
        return token.emaId() == null ? null : token.emaId().toString();
    }

    @SchemaMapping(typeName = Types.TOKEN, field = "status")
    TokenStatus status(Token token) {
        return token.statusAt(clock.instant());
    }

    @BatchMapping(typeName = Types.TOKEN)
    Map<Token, Profile> owner(List<Token> found) {
        Map<UUID, Profile> owners = profiles.findAll(found.stream().map(Token::ownerProfileId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Token, Profile> result = new LinkedHashMap<>();
        found.forEach(token -> result.put(token, token.ownerProfileId() == null ? null : owners.get(token.ownerProfileId())));
        return result;
    }

    @BatchMapping(typeName = Types.TOKEN)
    Map<Token, List<TokenStatusChange>> statusHistory(List<Token> found) {
        Map<UUID, List<TokenStatusChange>> history = tokens.history(found.stream().map(Token::id).toList());
        Map<Token, List<TokenStatusChange>> result = new LinkedHashMap<>();
        found.forEach(token -> result.put(token, history.getOrDefault(token.id(), List.of())));
        return result;
    }

    @QueryMapping
    Connection<Token> tokens(@Argument Integer first, @Argument String after, @Argument TokenFilter filter) {
        int size = Connection.pageSize(first);
        UUID afterId = Connection.afterId(after);
        TokenFilter criteria = filter == null ? new TokenFilter(null, null) : filter;
        UUID owner = GlobalId.optional(Types.PROFILE, criteria.ownerProfileId(), "ownerProfileId");
        Page<Token> page = tokens.search(criteria.text(), owner, afterId, size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), token -> token.id().toString());
    }

    @MutationMapping
    TokenPayload createToken(@Argument CreateTokenInput input) {
        return UserError.attempt(() -> new TokenPayload(tokens.create(new NewToken(input.uid(), input.emaId(), input.type(),
                        GlobalId.optional(Types.PROFILE, input.ownerProfileId(), "ownerProfileId"), input.visualNumber(),
                        input.expiresAt(), input.billing()), Caller.name()), List.of()),
                errors -> new TokenPayload(null, errors));
    }

    record UpdateTokenInput(String tokenId, String ownerProfileId, String visualNumber, Instant expiresAt, Boolean clearExpiry,
            BillingTarget billing) {
    }

    @MutationMapping
    TokenPayload updateToken(@Argument UpdateTokenInput input) {
        return UserError.attempt(() -> new TokenPayload(tokens.update(GlobalId.require(Types.TOKEN, input.tokenId(), "tokenId"),
                        GlobalId.optional(Types.PROFILE, input.ownerProfileId(), "ownerProfileId"), input.visualNumber(), input.expiresAt(),
                        Boolean.TRUE.equals(input.clearExpiry()), input.billing()), List.of()),
                errors -> new TokenPayload(null, errors));
    }

    @MutationMapping
    TokenPayload blockToken(@Argument TokenStatusInput input) {
        return UserError.attempt(() -> new TokenPayload(tokens.block(tokenId(input), input.reason(), Caller.name()), List.of()),
                errors -> new TokenPayload(null, errors));
    }

    @MutationMapping
    TokenPayload unblockToken(@Argument TokenStatusInput input) {
        return UserError.attempt(() -> new TokenPayload(tokens.unblock(tokenId(input), input.reason(), Caller.name()), List.of()),
                errors -> new TokenPayload(null, errors));
    }

    private static UUID tokenId(TokenStatusInput input) {
        return GlobalId.require(Types.TOKEN, input.tokenId(), "tokenId");
    }

}
