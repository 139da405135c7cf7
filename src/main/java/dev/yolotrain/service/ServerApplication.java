package dev.yolotrain.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The REST service. */
@SpringBootApplication
public class ServerApplication {

    public static void start(String[] args) {
        SpringApplication.run(ServerApplication.class, args);
    }
}
