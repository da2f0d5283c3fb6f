package fr.marelle.children.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Where files go, how big they may be, and the virus scanner when one is configured. */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

    @Bean
    FileStorage fileStorage(@Value("${marelle.children.files.storage:database}") String storage,
                            @Value("${marelle.children.files.directory:}") String directory) throws IOException {
        if ("directory".equalsIgnoreCase(storage)) {
            if (directory == null || directory.isBlank()) {
                throw new IllegalStateException("marelle.children.files.storage=directory needs "
                        + "marelle.children.files.directory (MARELLE_CHILDREN_FILES_DIRECTORY)");
            }
            log.info("Uploaded files are kept in {}", Path.of(directory).toAbsolutePath());
            return new DirectoryStorage(Path.of(directory));
        }
        if (!"database".equalsIgnoreCase(storage)) {
            throw new IllegalStateException("marelle.children.files.storage is database or directory, not " + storage);
        }
        return new DatabaseStorage();
    }

    @Bean
    VirusScanner virusScanner(@Value("${marelle.children.clamd.host:}") String host,
                              @Value("${marelle.children.clamd.port:3310}") int port,
                              @Value("${marelle.children.clamd.timeout:20s}") Duration timeout) {
        if (host == null || host.isBlank()) {
            log.info("No virus scanner configured (marelle.children.clamd.host): uploads are not scanned");
            return VirusScanner.NONE;
        }
        log.info("Every upload is scanned by clamd at {}:{}", host, port);
        return new ClamdScanner(host, port, timeout);
    }

    @Bean
    UploadInspector uploadInspector(@Value("${marelle.children.files.max-bytes:10485760}") long maxBytes,
                                    VirusScanner virusScanner) {
        return new UploadInspector(maxBytes, virusScanner, new ImageSanitizer());
    }
}
