/**
 * DeepLearning4J and ND4J in the product: the {@link org.recworkbench.dl4j.DeepLearning} service that starts them once
 * per process (consumers reference it as mandatory, so nothing touches ND4J before it is ready), and the DL4J, ND4J,
 * JavaCPP and OpenBLAS packages this bundle exports to the compute backend and the neural algorithm bundles.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.recworkbench.dl4j;
