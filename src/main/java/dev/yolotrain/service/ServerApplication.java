package dev.yolotrain.service;

import dev.yolotrain.service.config.EmbeddedPostgresLauncher;
import dev.yolotrain.service.config.YolotrainProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The REST service and/or the worker supervisor (yolotrain.roles). */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(YolotrainProperties.class)
public class ServerApplication {

    public static void start(String[] args) {
        SpringApplication app = new SpringApplication(ServerApplication.class);
        app.addListeners(new EmbeddedPostgresLauncher());
        app.run(args);
    }
}
