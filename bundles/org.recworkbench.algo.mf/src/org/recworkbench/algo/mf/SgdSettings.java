package org.recworkbench.algo.mf;

import java.util.List;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;

/** The hyper-parameters every SGD-trained factor model shares (FunkSVD, SVD++, BPR), with per-model defaults. */
record SgdSettings(int factors, int epochs, float learningRate, float regularization, double initStd) {

    /** The five descriptors; the texts say what an epoch and the penalty mean for the model at hand. */
    static List<ParameterDescriptor> parameters(int factors, int epochs, int maxEpochs, String epochText,
            double learningRate, String learningRateText, double regularization, String regularizationText) {
        return List.of(ParameterDescriptor.ofInt("factors", factors, 1, 4096, "latent dimensions"),
                ParameterDescriptor.ofInt("epochs", epochs, 1, maxEpochs, epochText),
                ParameterDescriptor.ofDouble("learning-rate", learningRate, 1e-9, 10, learningRateText),
                ParameterDescriptor.ofDouble("regularization", regularization, 0, 100, regularizationText),
                ParameterDescriptor.ofDouble("init-std", 0.1, 0, 10, "standard deviation of the initial factors"));
    }

    static SgdSettings of(Parameters p) {
        return new SgdSettings(p.getInt("factors"), p.getInt("epochs"), (float) p.getDouble("learning-rate"),
                (float) p.getDouble("regularization"), p.getDouble("init-std"));
    }
}
