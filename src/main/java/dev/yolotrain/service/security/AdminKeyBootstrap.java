package dev.yolotrain.service.security;

import dev.yolotrain.service.config.YolotrainProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The admin key: YOLOTRAIN_API_KEY when given; otherwise, when the database has no key at all, one is
 * made and printed once (stdout), and only its hash kept.
 */
@Component
public class AdminKeyBootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AdminKeyBootstrap.class);
    static final String ADMIN_TENANT = "admin";
    private final ApiKeys keys;
    private final YolotrainProperties props;
    private final JdbcTemplate jdbc;

    public AdminKeyBootstrap(ApiKeys keys, YolotrainProperties props, JdbcTemplate jdbc) {
        this.keys = keys;
        this.props = props;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // one process at a time decides whether a first key is needed
        jdbc.queryForList("SELECT pg_advisory_xact_lock(4242001)");
        String given = props.security() == null ? null : props.security().apiKey();
        if (StringUtils.hasText(given)) {
            if (given.strip().length() < 16) {
                throw new IllegalStateException("YOLOTRAIN_API_KEY must be at least 16 characters");
            }
            keys.ensure(given.strip(), "admin (YOLOTRAIN_API_KEY)", ADMIN_TENANT, true);
            LOG.info("admin API key from YOLOTRAIN_API_KEY is active");
            return;
        }
        if (!keys.any()) {
            ApiKeys.Created c = keys.create("admin (first start)", ADMIN_TENANT, true);
            System.out.println("""

                    ====================================================================
                    yolotrain: no API key existed, so an admin key was created.
                    It is shown only this once (only its hash is stored):

                    YOLOTRAIN_API_KEY=%s

                    Send it as 'Authorization: Bearer <key>'.
                    ====================================================================
                    """.formatted(c.key()));
            System.out.flush();
        }
    }
}
