package org.officialblogs.metrics;

/** The four parts of the score, in the order they are shown. */
public enum ScorePart {
    CONSISTENCY("Consistency", ScoreFormula.WEIGHT_CONSISTENCY),
    RESPONSIVENESS("Responsiveness", ScoreFormula.WEIGHT_RESPONSIVENESS),
    RECENCY("Recency", ScoreFormula.WEIGHT_RECENCY),
    VOLUME("Volume", ScoreFormula.WEIGHT_VOLUME);

    private final String label;
    private final double weight;

    ScorePart(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    /** A name to show people. */
    public String label() {
        return label;
    }

    /** Points this part gives at full value; the weights add up to 100. */
    public double weight() {
        return weight;
    }
}
