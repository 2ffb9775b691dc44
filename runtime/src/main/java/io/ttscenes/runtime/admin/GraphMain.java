package io.ttscenes.runtime.admin;

import io.ttscenes.api.Bot;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Prints the scene graph of a bot as Mermaid text, for docs and code review:
 * {@code java -cp bot.jar io.ttscenes.runtime.admin.GraphMain com.example.MyBot} calls the public
 * static no-argument method ({@code create} unless {@code Class#method} names another) that
 * returns the {@link Bot}.
 */
public final class GraphMain {
  private GraphMain() {}

  /** Prints the graph of the bot {@code args[0]} names; exits with status 2 and a message on bad input. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: GraphMain <class>[#method]  (a public static method returning a Bot; default create)");
      System.exit(2);
    }
    try {
      System.out.print(SceneGraph.mermaid(load(args[0])));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /** The bot made by {@code spec} ({@code Class} or {@code Class#method}); throws {@link IllegalArgumentException} naming what is wrong. */
  static Bot load(String spec) {
    int hash = spec.indexOf('#');
    String className = hash < 0 ? spec : spec.substring(0, hash);
    String methodName = hash < 0 ? "create" : spec.substring(hash + 1);
    try {
      Method method = Class.forName(className).getMethod(methodName);
      if (!Modifier.isStatic(method.getModifiers()) || !Bot.class.isAssignableFrom(method.getReturnType())) {
        throw new IllegalArgumentException(spec + " is not a static method returning a Bot");
      }
      return (Bot) method.invoke(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class " + className + " is not on the class path", e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("class " + className + " has no public no-argument method "
          + methodName, e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("calling " + spec + " failed: " + e.getCause(), e);
    }
  }
}
