package io.ttscenes.example.faq;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The questions the bot can answer, grouped by topic. Ids end up in callback payloads
 * ({@code faq:t:<topic>}, {@code faq:q:<question>}), so they are short and unique. Immutable.
 *
 * @param topics the topics in menu order
 */
public record FaqCatalog(List<Topic> topics) {
  public FaqCatalog {
    topics = List.copyOf(topics);
    Set<String> ids = new HashSet<>();
    for (Topic topic : topics) {
      if (!ids.add(topic.id())) {
        throw new IllegalArgumentException("FAQ id '" + topic.id() + "' is used twice");
      }
      topic.questions().forEach(q -> {
        if (!ids.add(q.id())) {
          throw new IllegalArgumentException("FAQ id '" + q.id() + "' is used twice");
        }
      });
    }
  }

  /**
   * A group of questions.
   *
   * @param id the id used in button payloads (letters, digits, '-')
   * @param title the button and heading text, shown literally
   * @param questions the questions in menu order
   */
  public record Topic(String id, String title, List<Question> questions) {
    public Topic {
      checkId(id);
      Objects.requireNonNull(title, "title");
      questions = List.copyOf(questions);
    }
  }

  /**
   * One question and its answer.
   *
   * @param id the id used in button payloads (letters, digits, '-')
   * @param question the button and heading text, shown literally
   * @param answer the answer in TamTam markdown, written by the bot's authors
   */
  public record Question(String id, String question, String answer) {
    public Question {
      checkId(id);
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** The topic with this id. */
  public Optional<Topic> topic(String id) {
    return topics.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The topic holding the question with this id. */
  public Optional<Topic> topicOf(String questionId) {
    return topics.stream()
        .filter(t -> t.questions().stream().anyMatch(q -> q.id().equals(questionId)))
        .findFirst();
  }

  /** The question with this id. */
  public Optional<Question> question(String id) {
    return topics.stream().flatMap(t -> t.questions().stream())
        .filter(q -> q.id().equals(id)).findFirst();
  }

  /** A small shop's FAQ, used by {@link FaqBotMain}. */
  public static FaqCatalog shop() {
    return new FaqCatalog(List.of(
        new Topic("orders", "Orders and delivery", List.of(
            new Question("track", "Where is my order?",
                "Open **My orders** in the app: every order shows its status and the courier's "
                    + "tracking link once it has shipped."),
            new Question("address", "Can I change the delivery address?",
                "Yes, until the order is *packed*. Open the order and press **Change address**."))),
        new Topic("payments", "Payments and refunds", List.of(
            new Question("cards", "Which cards do you accept?",
                "Visa, Mastercard and Mir. We never store the card number."),
            new Question("refund", "How long does a refund take?",
                "Refunds reach your card in **5-7 business days** after we receive the parcel."))),
        new Topic("account", "Account", List.of(
            new Question("password", "I forgot my password",
                "Press *Forgot password?* on the sign-in screen; the link in the email works "
                    + "for `24 hours`.")))));
  }

  private static void checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("FAQ id '" + id + "' must be 1..32 letters, digits or '-'");
    }
  }
}
