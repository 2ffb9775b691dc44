// The archetype plugin only warns when the project folder exists and then writes its files among
// those already there (keeping any it would have replaced). A newcomer's folder must not end up
// half theirs, half ours: when it already held files, remove what this run wrote and fail.
// Run next to a pom.xml (e.g. in the ttscenes checkout right after installing it), the plugin
// silently makes that project the bot's parent and adds the bot to it as a module; a bot project
// stands alone (it imports the BOM), so that is taken back too and the run fails.
import java.lang.management.ManagementFactory
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.util.regex.Pattern
import java.util.stream.Collectors

Path project = Paths.get(request.outputDirectory, request.artifactId)
Path outerPom = Paths.get(request.outputDirectory, "pom.xml")
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
def removeWritten = {
    entries(project).findAll { Files.isRegularFile(it) && written(it) }.each { Files.delete(it) }
    entries(project).findAll { Files.isDirectory(it) }.sort { -it.nameCount }.each { dir ->
        if (written(dir) && Files.list(dir).withCloseable { !it.findAny().isPresent() }) {
            Files.delete(dir)
        }
    }
    if (written(project) && Files.list(project).withCloseable { !it.findAny().isPresent() }) {
        Files.delete(project)
    }
}

List<Path> theirs = entries(project).findAll { Files.isRegularFile(it) && !written(it) }
if (!theirs.isEmpty()) {
    removeWritten()
    String shown = theirs.take(3).collect { project.relativize(it).toString() }.join(', ')
    throw new IllegalStateException("cannot generate '" + request.artifactId + "' into " + project
        + ": that folder is not empty (it holds " + shown + (theirs.size() > 3 ? ", ..." : "")
        + "); nothing was written there. Run from another folder or choose another -DartifactId.")
}
if (Files.isRegularFile(outerPom)) {
    removeWritten()
    String module = "\\s*<module>" + Pattern.quote(request.artifactId) + "</module>"
    String pom = new String(Files.readAllBytes(outerPom), "UTF-8")
    String restored = pom.replaceFirst(module, "").replaceFirst("\\s*<modules>\\s*</modules>", "")
    Files.write(outerPom, restored.getBytes("UTF-8"))
    throw new IllegalStateException("cannot generate '" + request.artifactId + "' in "
        + request.outputDirectory + ": that folder holds a Maven project (" + outerPom + "), which the"
        + " archetype plugin makes the bot's parent and adds the bot to as a module. The bot was removed"
        + " and its <module> taken out of that pom.xml again (the plugin re-wrote its layout: restore it"
        + " from version control). Run from a folder outside any Maven project.")
}
