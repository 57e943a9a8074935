"""Small worlds and factories, one module per subject, built through the services."""
