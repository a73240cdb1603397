package io.chargebase.api.bootstrap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A serving instance given {@code chargebase.bootstrap.*} (a single instance that also migrates, or a container run
 * by hand) bootstraps as it starts; refused settings stop it. In Kubernetes the migration job does it instead.
 */
@Component
class BootstrapRunner implements ApplicationRunner {

    private final FirstRunBootstrap bootstrap;

    BootstrapRunner(FirstRunBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap.runIfRequested();
    }
}
