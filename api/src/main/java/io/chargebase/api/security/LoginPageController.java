package io.chargebase.api.security;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/** The sign-in page of each issuer, in the tenant's name; the platform's is plain. */
@Controller
class LoginPageController {

    private final Tenants tenants;

    LoginPageController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping(path = "/t/{slug}/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String tenantLogin(@PathVariable String slug, @RequestParam(required = false) String error,
            @RequestParam(name = "signed-in", required = false) String signedIn, CsrfToken csrf) {
        return tenantPage("/t/" + slug + "/login", error, signedIn, csrf);
    }

    /** The sign-in page on a tenant's white-label host, where the issuer is the host itself. */
    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String hostLogin(@RequestParam(required = false) String error,
            @RequestParam(name = "signed-in", required = false) String signedIn, CsrfToken csrf) {
        return tenantPage("/login", error, signedIn, csrf);
    }

    private String tenantPage(String action, String error, String signedIn, CsrfToken csrf) {
        if (!(TenantContext.current() instanceof io.chargebase.tenancy.TenantScope.OfTenant scope)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        Tenant tenant = tenants.get(scope.tenantId())
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var branding = tenant.branding();
        return page(branding.displayName() == null ? tenant.name() : branding.displayName(), action, error,
                signedIn != null, csrf, branding.primaryColor(), branding.logoUrl());
    }

    @GetMapping(path = "/platform/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String platformLogin(@RequestParam(required = false) String error,
            @RequestParam(name = "signed-in", required = false) String signedIn, CsrfToken csrf) {
        return page("Chargebase platform", "/platform/login", error, signedIn != null, csrf, null, null);
    }

    private static String page(String brand, String action, String error, boolean signedIn, CsrfToken csrf, String colour,
            String logoUrl) {
        String accent = colour == null ? "#0b7a5b" : colour;
        String logo = logoUrl == null ? "" : "<img src=\"" + HtmlUtils.htmlEscape(logoUrl) + "\" alt=\"\" style=\"max-height:48px;margin-bottom:1rem\">";
        String name = HtmlUtils.htmlEscape(brand);
        String notice = error != null
                ? "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(SignInFailure.messageFor(error).orElseThrow()) + "</p>"
                : signedIn ? "<p class=\"ok\">You are signed in. You can close this page.</p>" : "";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in · %1$s</title>
                <style>
                  body { font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; display: grid; place-items: center; min-height: 100vh; }
                  main { background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: min(22rem, 90vw); }
                  h1 { font-size: 1.3rem; margin: 0 0 1.5rem; color: #1f2933; }
                  label { display: block; font-size: .9rem; margin: 1rem 0 .3rem; color: #3e4c59; }
                  input { width: 100%%; box-sizing: border-box; padding: .6rem; border: 1px solid #cbd2d9; border-radius: 6px; font-size: 1rem; }
                  button { margin-top: 1.5rem; width: 100%%; padding: .7rem; border: 0; border-radius: 6px; background: %6$s; color: #fff; font-size: 1rem; cursor: pointer; }
                  .error { color: #b42318; } .ok { color: %6$s; }
                </style>
                </head>
                <body>
                <main>
                  %7$s
                  <h1>Sign in to %1$s</h1>
                  %2$s
                  <form method="post" action="%3$s">
                    <label for="username">E-mail address</label>
                    <input id="username" name="username" type="email" autocomplete="username" required autofocus>
                    <label for="password">Password</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%4$s" value="%5$s">
                    <button type="submit">Sign in</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(name, notice, HtmlUtils.htmlEscape(action), HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()), accent, logo);
    }
}
