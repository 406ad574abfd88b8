import matplotlib

matplotlib.use("Agg")  # draw off-screen: the checks inspect figures, nobody looks at them
