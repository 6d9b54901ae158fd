/** Rating-prediction error metrics: RMSE, MAE, MSE. */
package org.recworkbench.metrics.rating;
