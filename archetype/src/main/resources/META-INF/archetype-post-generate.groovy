// The archetype plugin only warns when the project folder exists and then writes its files among
// those already there (keeping any it would have replaced). A newcomer's folder must not end up
// half theirs, half ours: when it already held files, remove what this run wrote and fail.
import java.lang.management.ManagementFactory
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.stream.Collectors

Path project = Paths.get(request.outputDirectory, request.artifactId)
long started = ManagementFactory.runtimeMXBean.startTime

def entries = { Path root ->
    def stream = Files.walk(root)
    try {
        return stream.filter { it != root }.collect(Collectors.toList())
    } finally {
        stream.close()
    }
}
def written = { Path path -> Files.getLastModifiedTime(path).toMillis() >= started }

List<Path> files = entries(project).findAll { Files.isRegularFile(it) }
List<Path> theirs = files.findAll { !written(it) }
if (!theirs.isEmpty()) {
    files.findAll { written(it) }.each { Files.delete(it) }
    entries(project).findAll { Files.isDirectory(it) }.sort { -it.nameCount }.each { dir ->
        if (written(dir) && Files.list(dir).withCloseable { !it.findAny().isPresent() }) {
            Files.delete(dir)
        }
    }
    String shown = theirs.take(3).collect { project.relativize(it).toString() }.join(', ')
    throw new IllegalStateException("cannot generate '" + request.artifactId + "' into " + project
        + ": that folder is not empty (it holds " + shown + (theirs.size() > 3 ? ", ..." : "")
        + "); nothing was written there. Run from another folder or choose another -DartifactId.")
}
