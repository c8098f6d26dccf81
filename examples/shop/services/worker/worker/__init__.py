"""Shop order fulfilment worker."""
