package org.recworkbench.algo.bandit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Checkpoint helpers: arrays and a shape check that refuses state written for another configuration. */
final class States {

    private States() {
    }

    static void expect(int found, int expected, String what) throws IOException {
        if (found != expected) {
            throw new IOException("checkpoint has " + found + " " + what + ", this policy has " + expected
                    + ": it was written with other parameters or for another environment");
        }
    }

    static void write(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static void read(DataInput in, double[] into, String what) throws IOException {
        expect(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }
}
