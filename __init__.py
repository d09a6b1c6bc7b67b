"""The Green Customs Initiative site, installed as the package ``gci``.

The app folders beside this file (``site``, ``home``, ``calendar``,
``materials``, ``focal_points``) are namespace portions of this package and
are imported only as ``gci.<app>``.
"""
