print("TEMPORARY")
