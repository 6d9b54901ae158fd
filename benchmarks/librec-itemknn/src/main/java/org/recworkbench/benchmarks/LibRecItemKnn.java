package org.recworkbench.benchmarks;

import java.util.List;
import net.librec.conf.Configuration;
import net.librec.data.model.TextDataModel;
import net.librec.recommender.Recommender;
import net.librec.recommender.RecommenderContext;
import net.librec.recommender.cf.ItemKNNRecommender;
import net.librec.recommender.item.RecommendedItem;
import net.librec.similarity.CosineSimilarity;
import net.librec.similarity.RecommenderSimilarity;

/**
 * LibRec 2.0.0 ItemKNN on ML-100K: 80/20 random ratio split (seed 1), cosine item similarity, 50 neighbours,
 * ranking mode, top-10 for every user. Arguments: the folder that holds {@code ml-100k/u.data}.
 */
public final class LibRecItemKnn {
    private LibRecItemKnn() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Configuration conf = new Configuration();
        conf.set("dfs.data.dir", args[0]);
        conf.set("data.input.path", "ml-100k/u.data");
        conf.set("data.column.format", "UIRT");
        conf.set("data.model.splitter", "ratio");
        conf.set("data.splitter.ratio", "rating");
        conf.set("data.splitter.trainset.ratio", "0.8");
        conf.set("rec.random.seed", "1");
        conf.set("rec.recommender.similarities", "item");
        conf.set("rec.similarity.class", "cos");
        conf.set("rec.neighbors.knn.number", "50");
        conf.set("rec.recommender.isranking", "true");
        conf.set("rec.recommender.ranking.topn", "10");
        TextDataModel data = new TextDataModel(conf);
        data.buildDataModel();
        RecommenderContext context = new RecommenderContext(conf, data);
        RecommenderSimilarity similarity = new CosineSimilarity();
        similarity.buildSimilarityMatrix(data);
        context.setSimilarity(similarity);
        Recommender recommender = new ItemKNNRecommender();
        recommender.setContext(context);
        recommender.recommend(context);
        List<RecommendedItem> lists = recommender.getRecommendedList();
        System.out.printf("librec item-knn: %d recommendations, %.2f s inside the JVM%n", lists.size(),
                (System.nanoTime() - t0) / 1e9);
    }
}
