package io.chargebase.api.graphql.transport;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A GraphQL request whose body is not JSON (or not a JSON object of a GraphQL request) gets 400 and a message that
 * says so, where Spring's default answers 400 with a generic error page.
 */
final class UnreadableGraphQlRequests implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!GraphQlErrorBody.isGraphQlEndpoint(request)
                || !(ex instanceof HttpMessageNotReadableException || ex instanceof ServerWebInputException)) {
            return null;
        }
        String detail = ex.getMessage() == null ? "" : " (" + firstLine(ex.getMessage()) + ")";
        try {
            GraphQlErrorBody.write(response, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST",
                    "The request body is not a GraphQL request in JSON" + detail
                            + ": send a JSON object such as {\"query\": \"{ __typename }\", \"variables\": {}}.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
