package dev.yolotrain.service.worker;

import dev.yolotrain.service.config.YolotrainProperties;
import java.net.InetAddress;
import org.springframework.stereotype.Component;

/** This supervisor's name in job rows: yolotrain.worker.id, else hostname-pid. */
@Component
public class WorkerIdentity {
    private final String id;

    public WorkerIdentity(YolotrainProperties props) {
        String given = props.worker().id();
        if (given != null && !given.isBlank()) {
            this.id = given.strip();
        } else {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "host";
            }
            this.id = host + "-" + ProcessHandle.current().pid();
        }
    }

    public String id() {
        return id;
    }
}
