// Placeholder until the driver lands.
print("schemac")
